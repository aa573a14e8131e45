package dev.failover.core.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.notification.Audience;

/**
 * Whom each event is written for. SLA at risk and restore-test results are for the provider's
 * operations team (IBM's "alert the provider"); everything else tells customers what happened to
 * their service.
 */
public final class Audiences {
  private Audiences() {}

  public static Audience of(NotificationEventType type) {
    return switch (type) {
      case SlaAtRisk, RestoreTestResult, BackupStorageNearlyFull -> Audience.Provider;
      default -> Audience.Customers;
    };
  }
}
