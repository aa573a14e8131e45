package dev.failover.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EgressConfigTest {
  @Test
  void defaultsHaveNoManagedListSourceAndTheSystemResolver() {
    EgressConfig config = EgressConfig.fromEnvironment(Map.of());

    assertThat(config.configMap()).isEmpty();
    assertThat(config.url()).isEmpty();
    assertThat(config.refresh()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.resolver()).isEmpty();
    assertThat(config.dnsTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsEverySetting() {
    EgressConfig config =
        EgressConfig.fromEnvironment(
            Map.of(
                "FAILOVER_DR_ALLOWLIST_URL", "https://lists.example/critical.txt",
                "FAILOVER_DR_ALLOWLIST_REFRESH", "5m",
                "FAILOVER_DR_EGRESS_RESOLVER", "10.96.0.10:53",
                "FAILOVER_DR_EGRESS_DNS_TIMEOUT", "500ms"));

    assertThat(config.url()).contains(URI.create("https://lists.example/critical.txt"));
    assertThat(config.refresh()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.resolver()).contains("10.96.0.10:53");
    assertThat(config.dnsTimeout()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void refusesBothSourcesAPlainHttpUrlAndABadDuration() {
    assertThatThrownBy(
            () ->
                EgressConfig.fromEnvironment(
                    Map.of(
                        "FAILOVER_DR_ALLOWLIST_CONFIGMAP", "allowlist",
                        "FAILOVER_DR_ALLOWLIST_URL", "https://lists.example/l")))
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () ->
                EgressConfig.fromEnvironment(
                    Map.of("FAILOVER_DR_ALLOWLIST_URL", "http://lists.example/l?token=secret")))
        .hasMessage("FAILOVER_DR_ALLOWLIST_URL must be an absolute https URL");
    assertThatThrownBy(
            () -> EgressConfig.fromEnvironment(Map.of("FAILOVER_DR_ALLOWLIST_REFRESH", "soon")))
        .hasMessageContaining("FAILOVER_DR_ALLOWLIST_REFRESH must be a positive duration");
  }
}
