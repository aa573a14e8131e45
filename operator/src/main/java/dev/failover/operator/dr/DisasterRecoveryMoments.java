package dev.failover.operator.dr;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.PolicyMode;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.notification.NotificationOutbox;
import dev.failover.operator.status.ConditionEvents;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of a switch: one Event on the policy (a Warning when the mode goes on, Normal when it ends)
 * and a DisasterRecoveryActivated or DisasterRecoveryCleared notification through the outbox, both
 * named by the switch's time, so a retried reconcile tells it once. No English reason goes into the
 * notification's facts: its templates are translated.
 */
public class DisasterRecoveryMoments {
  private static final Logger log = LoggerFactory.getLogger(DisasterRecoveryMoments.class);

  public static final String ACTIVATED = "DisasterRecoveryActivated";
  public static final String CLEARED = "DisasterRecoveryCleared";

  private final ConditionEvents events;
  private final NotificationOutbox outbox;

  /**
   * @param outbox null for Events only
   */
  public DisasterRecoveryMoments(ConditionEvents events, NotificationOutbox outbox) {
    this.events = events;
    this.outbox = outbox;
  }

  /**
   * A Warning Event when the trigger becomes unreadable or its reason changes (a resolver outage, a
   * refused value, a missing key), a Normal one when it is readable again; once per change.
   */
  public void triggerReadability(
      FailoverPolicy policy, FailoverPolicyStatus before, FailoverPolicyStatus after) {
    events.changed(policy, before, after, PolicyDisasterRecovery.TRIGGER_READABLE);
  }

  public void switched(FailoverPolicy policy, PolicyMode now, String activeDataCenter) {
    boolean on = now.mode() == DrMode.on;
    String reason = on ? ACTIVATED : CLEARED;
    String occurrence = Long.toString(now.since().getEpochSecond());
    String message =
        on
            ? "disaster-recovery mode on ("
                + now.reason()
                + "): "
                + now.message()
                + "; non-critical Deployments and StatefulSets are scaled to zero"
            : "disaster-recovery mode off: every application gets its declared replicas back";
    if (on) {
      events.warningOnce(policy, reason, occurrence, message);
    } else {
      events.normalOnce(policy, reason, occurrence, message);
    }
    if (outbox == null) {
      return;
    }
    Map<String, String> facts = new HashMap<>();
    if (activeDataCenter != null) {
      facts.put(Facts.TO_DATA_CENTER, activeDataCenter);
    }
    try {
      outbox.publish(
          new PolicyMoment(
              policy.getMetadata().getNamespace(),
              policy.getMetadata().getName(),
              on
                  ? NotificationEventType.DisasterRecoveryActivated
                  : NotificationEventType.DisasterRecoveryCleared,
              now.since(),
              "dr-" + now.mode() + "-" + occurrence,
              facts));
    } catch (RuntimeException e) {
      log.warn(
          "{}/{}: could not write the {} notification ({})",
          policy.getMetadata().getNamespace(),
          policy.getMetadata().getName(),
          reason,
          e.toString());
    }
  }
}
