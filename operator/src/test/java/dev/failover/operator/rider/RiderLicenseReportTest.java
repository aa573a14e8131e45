package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.LicenseUsage;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import dev.failover.operator.observability.RiderLicenseMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiderLicenseReportTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SecurityAlert> raised = new ArrayList<>();
  private final RiderLicenseReport report =
      new RiderLicenseReport(
          new RiderLicenseMetrics(registry), (rider, alert) -> raised.add(alert));
  private final SaasRider rider = rider();

  private static SaasRider rider() {
    SaasRider rider = new SaasRider();
    rider.getMetadata().setName("crm");
    rider.getMetadata().setNamespace("shop");
    return rider;
  }

  private static RiderStatus status(long used, long allowed) {
    RiderStatus status = new RiderStatus();
    status.setLicenseUsage(List.of(new LicenseUsage("maxApplications", used, allowed)));
    return status;
  }

  @Test
  void reconcilingAgainAndAgainPastALimitRaisesOneAlert() {
    RiderStatus within = status(2, 2);
    RiderStatus passed = status(3, 2);

    report.reported("SaasRider", rider, within, passed);
    // The next reconciles read the status written by the first one.
    report.reported("SaasRider", rider, passed, status(3, 2));
    report.reported("SaasRider", rider, passed, status(4, 2));

    assertThat(raised)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.rider()).isEqualTo("crm");
              assertThat(alert.namespace()).isEqualTo("shop");
              assertThat(alert.limit()).isEqualTo("maxApplications");
              assertThat(alert.used()).isEqualTo(3);
            });
  }

  @Test
  void aRiderWithNoStatusYetRaisesNothingAndItsUsageIsAGauge() {
    report.reported("SaasRider", rider, null, status(1, 2));

    assertThat(raised).isEmpty();
    assertThat(
            registry
                .get("failover_rider_license_used")
                .tags("namespace", "shop", "kind", "SaasRider", "rider", "crm")
                .tag("limit", "maxApplications")
                .gauge()
                .value())
        .isEqualTo(1);
  }

  @Test
  void aForgottenRiderLeavesNoSeries() {
    report.reported("SaasRider", rider, null, status(1, 2));
    report.forget("SaasRider", rider);
    assertThat(registry.find("failover_rider_license_used").meters()).isEmpty();
  }

  @Test
  void usageEntriesMissingANumberAreLeftOut() {
    RiderStatus status = new RiderStatus();
    LicenseUsage partial = new LicenseUsage();
    partial.setLimit("maxApplications");
    status.setLicenseUsage(List.of(partial, new LicenseUsage("maxConcurrentDevelopers", 1, 2)));
    assertThat(RiderLicenseReport.usage(status))
        .extracting(u -> u.limit())
        .containsExactly("maxConcurrentDevelopers");
  }
}
