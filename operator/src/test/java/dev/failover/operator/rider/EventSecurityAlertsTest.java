package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import dev.failover.operator.observability.RiderLicenseMetrics;
import dev.failover.operator.status.ConditionEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EventSecurityAlertsTest {
  @Test
  void anAlertIsAWarningEventOnTheRiderAndOneMoreOnTheCounter() {
    ConditionEvents events = mock(ConditionEvents.class);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventSecurityAlerts alerts = new EventSecurityAlerts(events, new RiderLicenseMetrics(registry));
    PaasRider rider = new PaasRider();
    SecurityAlert alert =
        new SecurityAlert(
            "PaasRider", "shop", "billing", "maxConcurrentDevelopers", 17, 15, "passed");

    alerts.raise(rider, alert);

    verify(events).warning(rider, "SecurityAlert", "maxconcurrentdevelopers", "passed");
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
