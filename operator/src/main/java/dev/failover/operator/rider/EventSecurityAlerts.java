package dev.failover.operator.rider;

import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import dev.failover.operator.observability.RiderLicenseMetrics;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Optional;

/**
 * Today's security alerts: a Warning Event with reason {@value #REASON} on the rider, which the
 * tasks ReceiveSecurityAlerts and ManageSecurityAlerts let the rider's subjects read, and one more
 * on {@code failover_rider_security_alerts_total}.
 */
public final class EventSecurityAlerts implements SecurityAlerts {
  public static final String REASON = "SecurityAlert";

  private final ConditionEvents events;
  private final RiderLicenseMetrics metrics;

  public EventSecurityAlerts(ConditionEvents events, RiderLicenseMetrics metrics) {
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public void raise(HasMetadata rider, SecurityAlert alert) {
    // One occurrence per limit and rider version decided from: a reconcile that runs again on the
    // same version (retried, or on a cache that has not seen the last status yet) tells nothing
    // new.
    String version = Optional.ofNullable(rider.getMetadata().getResourceVersion()).orElse("new");
    String occurrence = alert.limit().toLowerCase(Locale.ROOT) + "." + version;
    if (events.warningOnce(rider, REASON, occurrence, alert.message())) {
      metrics.alerted(alert.namespace(), alert.riderKind(), alert.rider(), alert.limit());
    }
  }
}
