/**
 * The backup service of a rider's failover plan, decided with no client calls: when a backup is due
 * ({@link BackupPlan}), which copies go ({@link BackupPlan#toPrune}), and whether the store may
 * take the next one ({@link StorageGuard}). The article's SaaS outage began when automatic backups
 * filled the storage, so the guard refuses a backup that would cross {@code
 * maxStorageUsagePercent}, and warns before: never after the store is full.
 */
package dev.failover.core.backup;
