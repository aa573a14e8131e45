package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.RiderRef;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import dev.failover.operator.rider.SecurityAlerts;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Security alerts as today (the {@code delegate}: a Warning Event and a count) and as a
 * SecurityAlert notification for every policy under the rider: a rider is not a policy, and
 * customers subscribe per namespace through channels that speak of their services, so each policy
 * that the rider's license covers tells of it. A rider with no policy tells through its Event only.
 * The occurrence is the limit and the rider version the alert was decided from, as for the Event,
 * so a retried reconcile publishes nothing new.
 */
public final class OutboxSecurityAlerts implements SecurityAlerts {
  private final SecurityAlerts delegate;
  private final KubernetesClient hub;
  private final NotificationOutbox outbox;
  private final Clock clock;

  public OutboxSecurityAlerts(
      SecurityAlerts delegate, KubernetesClient hub, NotificationOutbox outbox, Clock clock) {
    this.delegate = delegate;
    this.hub = hub;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void raise(HasMetadata rider, SecurityAlert alert) {
    delegate.raise(rider, alert);
    String version = Optional.ofNullable(rider.getMetadata().getResourceVersion()).orElse("new");
    String occurrence = alert.limit().toLowerCase(Locale.ROOT) + "." + version;
    hub.resources(FailoverPolicy.class).inNamespace(alert.namespace()).list().getItems().stream()
        .filter(policy -> under(policy, alert))
        .forEach(
            policy ->
                outbox.publish(
                    new PolicyMoment(
                        alert.namespace(),
                        policy.getMetadata().getName(),
                        NotificationEventType.SecurityAlert,
                        clock.instant(),
                        occurrence,
                        Map.of(Facts.REASON, alert.message()))));
  }

  private static boolean under(FailoverPolicy policy, SecurityAlert alert) {
    RiderRef ref = policy.getSpec() == null ? null : policy.getSpec().getRiderRef();
    return ref != null
        && ref.getKind() != null
        && ref.getKind().name().equals(alert.riderKind())
        && alert.rider().equals(ref.getName());
  }
}
