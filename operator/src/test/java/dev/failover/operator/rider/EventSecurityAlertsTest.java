package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import dev.failover.operator.observability.RiderLicenseMetrics;
import dev.failover.operator.status.ConditionEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EventSecurityAlertsTest {
  @Test
  void anAlertIsAWarningEventOnTheRiderAndOneMoreOnTheCounterOncePerOccurrence() {
    ConditionEvents events = mock(ConditionEvents.class);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventSecurityAlerts alerts = new EventSecurityAlerts(events, new RiderLicenseMetrics(registry));
    PaasRider rider = new PaasRider();
    rider.getMetadata().setResourceVersion("4711");
    when(events.warningOnce(rider, "SecurityAlert", "maxconcurrentdevelopers.4711", "passed"))
        .thenReturn(true, false);
    SecurityAlert alert =
        new SecurityAlert(
            "PaasRider", "shop", "billing", "maxConcurrentDevelopers", 17, 15, "passed");

    alerts.raise(rider, alert);
    // A stale or retried reconcile of the same rider version: the Event exists, nothing is counted.
    alerts.raise(rider, alert);

    verify(events, times(2))
        .warningOnce(rider, "SecurityAlert", "maxconcurrentdevelopers.4711", "passed");
    assertThat(
            registry
                .get("failover_rider_security_alerts")
                .tags("namespace", "shop", "kind", "PaasRider", "rider", "billing")
                .tag("limit", "maxConcurrentDevelopers")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
