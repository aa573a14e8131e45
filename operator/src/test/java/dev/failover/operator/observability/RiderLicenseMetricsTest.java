package dev.failover.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.LicenseAlerts.LimitUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiderLicenseMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RiderLicenseMetrics metrics = new RiderLicenseMetrics(registry);

  private double gauge(String name, String rider, String limit) {
    return registry
        .get(name)
        .tags("namespace", "shop", "kind", "PaasRider", "rider", rider, "limit", limit)
        .gauge()
        .value();
  }

  @Test
  void usageAndAllowedArePerRiderAndLimitAndFollowTheLatestStatus() {
    metrics.recorded(
        "shop",
        "PaasRider",
        "billing",
        List.of(
            new LimitUsage("maxConcurrentDevelopers", 4, 15),
            new LimitUsage("maxApplicationsDeveloped", 3, 10)));
    assertThat(gauge("failover_rider_license_used", "billing", "maxConcurrentDevelopers"))
        .isEqualTo(4);
    assertThat(gauge("failover_rider_license_allowed", "billing", "maxApplicationsDeveloped"))
        .isEqualTo(10);

    metrics.recorded(
        "shop",
        "PaasRider",
        "billing",
        List.of(
            new LimitUsage("maxConcurrentDevelopers", 16, 15),
            new LimitUsage("maxApplicationsDeveloped", 3, 10)));
    assertThat(gauge("failover_rider_license_used", "billing", "maxConcurrentDevelopers"))
        .isEqualTo(16);
    assertThat(registry.find("failover_rider_license_used").gauges()).hasSize(2);
  }

  @Test
  void aLimitTheLicenseNoLongerSetsLosesItsSeries() {
    metrics.recorded(
        "shop",
        "PaasRider",
        "billing",
        List.of(
            new LimitUsage("maxConcurrentDevelopers", 4, 15),
            new LimitUsage("maxApplicationsDeveloped", 3, 10)));
    metrics.recorded(
        "shop", "PaasRider", "billing", List.of(new LimitUsage("maxConcurrentDevelopers", 4, 15)));
    assertThat(
            registry
                .find("failover_rider_license_used")
                .tag("limit", "maxApplicationsDeveloped")
                .meters())
        .isEmpty();
    assertThat(
            registry
                .find("failover_rider_license_allowed")
                .tag("limit", "maxApplicationsDeveloped")
                .meters())
        .isEmpty();
    assertThat(gauge("failover_rider_license_used", "billing", "maxConcurrentDevelopers"))
        .isEqualTo(4);
  }

  @Test
  void aDeletedRidersSeriesEndWhileTheOthersStay() {
    metrics.recorded(
        "shop", "PaasRider", "billing", List.of(new LimitUsage("maxConcurrentDevelopers", 4, 15)));
    metrics.recorded(
        "shop", "PaasRider", "payroll", List.of(new LimitUsage("maxConcurrentDevelopers", 1, 5)));
    metrics.alerted("shop", "PaasRider", "billing", "maxConcurrentDevelopers");

    metrics.forget("shop", "PaasRider", "billing");

    for (String name :
        List.of(
            "failover_rider_license_used",
            "failover_rider_license_allowed",
            "failover_rider_security_alerts")) {
      assertThat(registry.find(name).tag("rider", "billing").meters()).as(name).isEmpty();
    }
    assertThat(gauge("failover_rider_license_used", "payroll", "maxConcurrentDevelopers"))
        .isEqualTo(1);

    // Recorded again (a rider of the same name made anew): the series come back.
    metrics.recorded(
        "shop", "PaasRider", "billing", List.of(new LimitUsage("maxConcurrentDevelopers", 2, 15)));
    assertThat(gauge("failover_rider_license_used", "billing", "maxConcurrentDevelopers"))
        .isEqualTo(2);
  }

  @Test
  void eachAlertCountsOncePerRiderAndLimit() {
    metrics.alerted("shop", "SaasRider", "crm", "maxApplications");
    metrics.alerted("shop", "SaasRider", "crm", "maxApplications");
    metrics.alerted("shop", "PaasRider", "crm", "maxApplicationsDeveloped");
    assertThat(
            registry
                .get("failover_rider_security_alerts")
                .tags("namespace", "shop", "kind", "SaasRider", "rider", "crm")
                .tag("limit", "maxApplications")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.find("failover_rider_security_alerts").counters()).hasSize(2);
  }
}
