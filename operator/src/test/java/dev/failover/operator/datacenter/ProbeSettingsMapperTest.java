package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.core.health.ConfirmationProbes;
import dev.failover.operator.probes.ProbeSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeSettingsMapperTest {
  @Test
  void anUnsetProbeGetsTheSchemaDefaultsAndQuickConfirmationAt200ms() {
    ProbeSettings settings = ProbeSettingsMapper.from(null);

    assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.thresholds().failureThreshold()).isEqualTo(3);
    assertThat(settings.confirmation()).isEqualTo(new ConfirmationProbes(Duration.ofMillis(200)));
  }

  @Test
  void confirmationCanBeSetOrTurnedOff() {
    ProbeSpec probe = new ProbeSpec();
    probe.setConfirmInterval("50ms");
    assertThat(ProbeSettingsMapper.from(probe).confirmation().interval())
        .isEqualTo(Duration.ofMillis(50));

    probe.setConfirmInterval("0s");
    assertThat(ProbeSettingsMapper.from(probe).confirmation()).isEqualTo(ConfirmationProbes.OFF);
  }
}
