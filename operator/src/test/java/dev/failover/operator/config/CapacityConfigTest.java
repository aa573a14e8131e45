package dev.failover.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.core.vm.CapacityScaler;
import dev.failover.operator.datacenter.DataCenterCapacityMonitor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityConfigTest {
  @Test
  void defaultsAreAMeasurementEveryFifteenSecondsAndAOneMinuteCooldown() {
    CapacityConfig config = OperatorConfig.fromEnvironment(Map.of()).capacity();

    assertThat(config.interval())
        .isEqualTo(Duration.ofSeconds(15))
        .isEqualTo(DataCenterCapacityMonitor.INTERVAL);
    assertThat(config.cooldown())
        .isEqualTo(Duration.ofMinutes(1))
        .isEqualTo(CapacityScaler.COOLDOWN);
  }

  @Test
  void everySettingIsReadFromItsVariable() {
    CapacityConfig config =
        CapacityConfig.fromEnvironment(
            Map.of("FAILOVER_CAPACITY_INTERVAL", "2s", "FAILOVER_CAPACITY_COOLDOWN", "20s"));

    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.cooldown()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void aWrongSettingNamesItsVariable() {
    assertThatThrownBy(
            () -> CapacityConfig.fromEnvironment(Map.of("FAILOVER_CAPACITY_INTERVAL", "0s")))
        .hasMessageContaining("FAILOVER_CAPACITY_INTERVAL must be a positive duration");
    assertThatThrownBy(
            () -> CapacityConfig.fromEnvironment(Map.of("FAILOVER_CAPACITY_COOLDOWN", "a minute")))
        .hasMessageContaining("FAILOVER_CAPACITY_COOLDOWN must be a positive duration");
  }
}
