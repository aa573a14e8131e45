/**
 * The backup service of a rider's failover plan, decided with no client calls: when a backup is due
 * ({@link BackupPlan}), which copies go ({@link BackupPlan#toPrune}), whether the store may take
 * the next one ({@link StorageGuard}, and {@link BackupAdmission} for a backup whose size is
 * known), and what of an object is left out so it can be applied again ({@link ServerOwnedFields}).
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>A backup is due {@code interval} after the newest copy in the store; with none, at once.
 *       The store is the truth, so a restarted operator resumes the schedule without a burst.
 *   <li>The state is read and compressed first; a backup over what one store entry holds is refused
 *       (too large), never split or truncated.
 *   <li>Copies past {@code retainCopies}, counting the new one, are pruned oldest first, before the
 *       new one is written, and what they free counts for the guard.
 *   <li>The article's SaaS outage began when automatic backups filled the storage, so the guard
 *       refuses a backup that would cross {@code maxStorageUsagePercent}, and warns one backup
 *       before: never after the store is full. A store of unknown capacity refuses.
 * </ul>
 */
package dev.failover.core.backup;
