package dev.failover.api.v1alpha1.common;

/** The events customers are told about; a NotificationChannel subscribes to some of them. */
public enum NotificationEventType {
  /** A failover away from a failed data center has started. */
  FailoverStarted,
  /** The service continues in another data center while the failed one is repaired. */
  ServiceContinuing,
  /** Availability may fall well below the SLA (sent to the provider). */
  SlaAtRisk,
  /** The failed data center is restored and serves again. */
  Restored,
  /** The SLA was breached; the notification states the remedy due. */
  SlaCreditDue,
  /** A security alert for the customer's subjects. */
  SecurityAlert,
  /** Disaster-recovery mode was triggered; only critical applications run. */
  DisasterRecoveryActivated,
  /** The disaster-recovery trigger was cleared; normal operation resumed. */
  DisasterRecoveryCleared,
  /** A data center was excluded from placement (by hand or by a drain); policies move away. */
  DataCenterExcluded,
  /** An excluded data center was re-admitted and may serve again. */
  DataCenterReadmitted,
  /** A restore test of a restored data center passed or failed (published by restore tests). */
  RestoreTestResult,
  /** The backup store nears the rider's maxStorageUsagePercent (sent to the provider). */
  BackupStorageNearlyFull
}
