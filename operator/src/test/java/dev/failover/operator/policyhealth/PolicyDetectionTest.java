package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.api.v1alpha1.failoverpolicy.Detection;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.pool.PoolRetry;
import dev.failover.operator.datacenter.ProbeSettingsMapper;
import dev.failover.operator.probes.ProbeSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDetectionTest {
  /** The CRD defaults: 2s interval, 1s timeout, 3 failures, 500 ms, 30s window. */
  private static final ProbeSettings DATA_CENTER = ProbeSettingsMapper.from(new ProbeSpec());

  @Test
  void noDetectionMeansTheDataCentersVerdict() {
    assertThat(PolicyDetection.forApiServer(DATA_CENTER, null)).isEmpty();
    assertThat(PolicyDetection.forApiServer(DATA_CENTER, new Detection())).isEmpty();
  }

  @Test
  void onlyAProbeIntervalChangesNothingForTheApiServer() {
    Detection detection = new Detection();
    detection.setProbeInterval("500ms");

    assertThat(PolicyDetection.forApiServer(DATA_CENTER, detection)).isEmpty();
  }

  @Test
  void overridesEqualToTheDataCentersChangeNothing() {
    Detection detection = new Detection();
    detection.setFailureThreshold(3);

    assertThat(PolicyDetection.forApiServer(DATA_CENTER, detection)).isEmpty();
  }

  @Test
  void eachSetFieldWinsAndTheRestStayTheDataCenters() {
    Detection detection = new Detection();
    detection.setFailureThreshold(1);
    detection.setBrownoutLatencyThresholdMs(200);

    HealthThresholds thresholds =
        PolicyDetection.forApiServer(DATA_CENTER, detection).orElseThrow();

    assertThat(thresholds.failureThreshold()).isEqualTo(1);
    assertThat(thresholds.brownoutLatency()).isEqualTo(Duration.ofMillis(200));
    assertThat(thresholds.brownoutWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(thresholds.recoveryThreshold())
        .isEqualTo(DATA_CENTER.thresholds().recoveryThreshold());
    assertThat(thresholds.probationDuration())
        .isEqualTo(DATA_CENTER.thresholds().probationDuration());
  }

  @Test
  void theEndpointIsProbedAtThePolicysIntervalWithTheTimeoutCappedAtIt() {
    Detection detection = new Detection();
    detection.setProbeInterval("500ms");

    ProbeSettings endpoint = PolicyDetection.forEndpoint(DATA_CENTER, detection, Optional.empty());

    assertThat(endpoint.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(endpoint.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(endpoint.thresholds().failureThreshold()).isEqualTo(3);
  }

  @Test
  void aServicePoolsTimeoutGovernsTheEndpointProbe() {
    Detection detection = new Detection();
    detection.setProbeInterval("500ms");

    ProbeSettings endpoint =
        PolicyDetection.forEndpoint(
            DATA_CENTER, detection, Optional.of(new PoolRetry(Duration.ofMillis(250), 2, 20)));

    assertThat(endpoint.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(endpoint.timeout()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void withoutDetectionTheEndpointIsProbedLikeTheDataCenter() {
    assertThat(PolicyDetection.forEndpoint(DATA_CENTER, null, Optional.empty()))
        .isEqualTo(DATA_CENTER);
  }

  @Test
  void aWindowShorterThanOneProbeIsWidenedToOneProbe() {
    Detection detection = new Detection();
    detection.setProbeInterval("5s");
    detection.setBrownoutWindow("1s");

    ProbeSettings endpoint = PolicyDetection.forEndpoint(DATA_CENTER, detection, Optional.empty());

    assertThat(endpoint.thresholds().brownoutWindow()).isEqualTo(Duration.ofSeconds(5));
  }
}
