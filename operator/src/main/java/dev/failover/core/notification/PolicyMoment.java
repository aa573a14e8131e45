package dev.failover.core.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SlaCredit;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a policy that people are told about, once: the outbox turns it into
 * one Notification per subscribed channel.
 *
 * @param namespace the policy's namespace, where the channels and Notifications live
 * @param policyName the FailoverPolicy the moment is about
 * @param type the event
 * @param occurredAt when it happened
 * @param occurrenceId the deterministic identity of this occurrence (e.g. the failover's action
 *     id): publishing the same moment again, after a crash or a retried reconcile, makes nothing
 *     new
 * @param facts what the message states, by the keys in {@link Facts}; absent keys are left out of
 *     the message
 * @param slaCredit the credit due, for Restored and SlaCreditDue; null when none
 */
public record PolicyMoment(
    String namespace,
    String policyName,
    NotificationEventType type,
    Instant occurredAt,
    String occurrenceId,
    Map<String, String> facts,
    SlaCredit slaCredit) {

  public PolicyMoment {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(occurrenceId, "occurrenceId");
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }

  /** A moment without SLA terms. */
  public PolicyMoment(
      String namespace,
      String policyName,
      NotificationEventType type,
      Instant occurredAt,
      String occurrenceId,
      Map<String, String> facts) {
    this(namespace, policyName, type, occurredAt, occurrenceId, facts, null);
  }

  public Optional<SlaCredit> credit() {
    return Optional.ofNullable(slaCredit);
  }

  /** The fact keys the message templates know. */
  public static final class Facts {
    private Facts() {}

    /** The data center the service left (or that failed). */
    public static final String FROM_DATA_CENTER = "fromDataCenter";

    /** The data center the service runs in now, or moves to. */
    public static final String TO_DATA_CENTER = "toDataCenter";

    /** The data center the moment is about (excluded, re-admitted, restored, tested). */
    public static final String DATA_CENTER = "dataCenter";

    /** Why, in a few words for people. */
    public static final String REASON = "reason";

    /** The measured recovery time, e.g. "1m 12s". */
    public static final String RTO = "rto";

    /** When an exclusion ends (RFC 3339). */
    public static final String UNTIL = "until";

    /** A restore test's result: passed or failed. */
    public static final String RESULT = "result";

    /** Availability of the current month so far, in percent, e.g. "99.998". */
    public static final String MONTH_AVAILABILITY = "monthAvailability";

    /** The availability the SLA promises, in percent, e.g. "99.9". */
    public static final String AGREED_AVAILABILITY = "agreedAvailability";

    /** More detail, e.g. the fault a restore test failed on. */
    public static final String DETAIL = "detail";
  }
}
