package dev.failover.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class SlaMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SlaMetrics metrics = new SlaMetrics(registry);

  private double value(String name, String policy) {
    return registry.get(name).tags("namespace", "shop", "policy", policy).gauge().value();
  }

  @Test
  void theLatestFiguresAreReportedPerPolicy() {
    metrics.recorded("shop", "crm", new SlaMetrics.Figures(0.9995, 1_200, 0));
    metrics.recorded("shop", "crm", new SlaMetrics.Figures(0.998, -30, 10));
    metrics.recorded("shop", "billing", new SlaMetrics.Figures(1, 2_592, 0));

    assertThat(value(SlaMetrics.AVAILABILITY, "crm")).isEqualTo(0.998);
    assertThat(value(SlaMetrics.BUDGET, "crm")).isEqualTo(-30);
    assertThat(value(SlaMetrics.CREDIT, "crm")).isEqualTo(10);
    assertThat(value(SlaMetrics.AVAILABILITY, "billing")).isEqualTo(1);
  }

  @Test
  void seriesAreLabelledByNamespaceAndPolicyOnly() {
    metrics.recorded("shop", "crm", new SlaMetrics.Figures(1, 0, 0));

    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getTags())
          .extracting(tag -> tag.getKey())
          .containsExactlyInAnyOrder("namespace", "policy");
    }
  }

  @Test
  void aForgottenPolicyLosesItsSeriesOthersKeepTheirs() {
    metrics.recorded("shop", "crm", new SlaMetrics.Figures(1, 0, 0));
    metrics.recorded("shop", "billing", new SlaMetrics.Figures(1, 0, 0));

    metrics.forget("shop", "crm");

    assertThat(registry.find(SlaMetrics.AVAILABILITY).tags("policy", "crm").meters()).isEmpty();
    assertThat(registry.find(SlaMetrics.BUDGET).tags("policy", "billing").meters()).hasSize(1);
  }
}
