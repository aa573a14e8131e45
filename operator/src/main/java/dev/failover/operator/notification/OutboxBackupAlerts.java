package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.backup.BackupAlerts;
import dev.failover.operator.status.ConditionEvents;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup store nearing its limit, told as a Warning Event on the policy and, through the
 * outbox, as BackupStorageNearlyFull to the provider's channels, both under the occurrence id, so a
 * repeated call makes nothing new.
 */
public final class OutboxBackupAlerts implements BackupAlerts {
  private static final Logger log = LoggerFactory.getLogger(OutboxBackupAlerts.class);

  private final ConditionEvents events;
  private final NotificationOutbox outbox;

  public OutboxBackupAlerts(ConditionEvents events, NotificationOutbox outbox) {
    this.events = events;
    this.outbox = outbox;
  }

  @Override
  public void storeNearlyFull(
      FailoverPolicy policy, String occurrenceId, Instant at, String message) {
    events.warningOnce(
        policy,
        NotificationEventType.BackupStorageNearlyFull.name(),
        at.toString().toLowerCase(Locale.ROOT).replace(':', '-'),
        message);
    try {
      outbox.publish(
          new PolicyMoment(
              policy.getMetadata().getNamespace(),
              policy.getMetadata().getName(),
              NotificationEventType.BackupStorageNearlyFull,
              at,
              occurrenceId,
              policy.getStatus() == null || policy.getStatus().getActiveDataCenter() == null
                  ? Map.of(Facts.DETAIL, message)
                  : Map.of(
                      Facts.DETAIL,
                      message,
                      Facts.TO_DATA_CENTER,
                      policy.getStatus().getActiveDataCenter())));
    } catch (RuntimeException e) {
      log.warn(
          "{}/{}: could not write the BackupStorageNearlyFull notification ({})",
          policy.getMetadata().getNamespace(),
          policy.getMetadata().getName(),
          e.toString());
    }
  }
}
