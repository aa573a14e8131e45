package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.datacenter.Exclusion;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.operator.datacenter.DataCenterMoments;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data center taken out of service (Excluded) or back in it, told to the customers of every
 * policy whose placement lists it: a data center is cluster-scoped, the channels are the policies'
 * namespaces'. The occurrence is the data center and its transition time, so a retried reconcile
 * makes nothing new. A publish that fails is logged; the data center's status never waits for it.
 */
public final class OutboxDataCenterMoments implements DataCenterMoments {
  private static final Logger log = LoggerFactory.getLogger(OutboxDataCenterMoments.class);

  private final Supplier<List<FailoverPolicy>> policies;
  private final NotificationOutbox outbox;
  private final Clock clock;

  /**
   * @param policies every FailoverPolicy in the hub, read when a moment comes (rarely)
   */
  OutboxDataCenterMoments(
      Supplier<List<FailoverPolicy>> policies, NotificationOutbox outbox, Clock clock) {
    this.policies = policies;
    this.outbox = outbox;
    this.clock = clock;
  }

  public OutboxDataCenterMoments(KubernetesClient hub, NotificationOutbox outbox, Clock clock) {
    this(
        () -> hub.resources(FailoverPolicy.class).inAnyNamespace().list().getItems(),
        outbox,
        clock);
  }

  @Override
  public void statusChanged(
      DataCenter dataCenter, DataCenterStatus before, DataCenterStatus after) {
    boolean wasExcluded = phase(before) == DataCenterPhase.Excluded;
    boolean isExcluded = phase(after) == DataCenterPhase.Excluded;
    if (wasExcluded == isExcluded || (before == null && !isExcluded)) {
      return;
    }
    NotificationEventType type =
        isExcluded
            ? NotificationEventType.DataCenterExcluded
            : NotificationEventType.DataCenterReadmitted;
    String name = dataCenter.getMetadata().getName();
    Instant at = transitionTime(after).orElse(clock.instant());
    Map<String, String> facts = new HashMap<>();
    facts.put(Facts.DATA_CENTER, name);
    Exclusion exclusion = dataCenter.getSpec() == null ? null : dataCenter.getSpec().getExclusion();
    if (isExcluded && exclusion != null) {
      Optional.ofNullable(exclusion.getReason()).ifPresent(r -> facts.put(Facts.REASON, r));
      Optional.ofNullable(exclusion.getUntil()).ifPresent(u -> facts.put(Facts.UNTIL, u));
    }
    try {
      for (FailoverPolicy policy : placedIn(name)) {
        Map<String, String> told = new HashMap<>(facts);
        String active =
            policy.getStatus() == null ? null : policy.getStatus().getActiveDataCenter();
        if (active != null && !active.equals(name)) {
          told.put(Facts.TO_DATA_CENTER, active);
        }
        outbox.publish(
            new PolicyMoment(
                policy.getMetadata().getNamespace(),
                policy.getMetadata().getName(),
                type,
                at,
                name + "/" + type + "/" + at,
                told));
      }
    } catch (RuntimeException e) {
      log.warn(
          "data center {}: could not write the {} notifications ({})", name, type, e.toString());
    }
  }

  private List<FailoverPolicy> placedIn(String dataCenter) {
    return policies.get().stream()
        .filter(policy -> policy.getMetadata().getDeletionTimestamp() == null)
        .filter(
            policy ->
                PolicySettingsMapper.settings(policy.getSpec())
                    .placement()
                    .ordered()
                    .contains(dataCenter))
        .toList();
  }

  private static DataCenterPhase phase(DataCenterStatus status) {
    return status == null ? null : status.getPhase();
  }

  private static Optional<Instant> transitionTime(DataCenterStatus status) {
    try {
      return Optional.ofNullable(status.getLastTransitionTime()).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
