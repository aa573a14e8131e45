package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator jar, run as its own process against a hub and three data centers, serves its
 * endpoints and tracks the data centers' health: all become Healthy, a stopped one becomes
 * Unreachable, and a restarted one leaves Unreachable. The outage runs last, because a returning
 * data center may stay in Restoring or Probation for a while.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorSmokeE2E {
  /** One sample line of the Prometheus text format: name, optional labels, value, timestamp. */
  private static final Pattern PROMETHEUS_SAMPLE =
      Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world =
        FailoverWorld.start(
            testbed, DataCenterPlan.defaults().stream().map(dc -> dc.withProbe(fast())).toList());
    operator = world.operator();
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  @Order(1)
  void healthAndReadinessEndpointsAnswerOk() {
    for (String path : List.of("/healthz", "/readyz")) {
      HttpResponse<String> response = LocalHttp.get(operator.healthUri(path));
      assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void metricsArePrometheusText() {
    HttpResponse<String> response = LocalHttp.get(operator.metricsUri());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    List<String> lines = response.body().lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).anyMatch(line -> line.startsWith("# TYPE "));
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(
                        line.startsWith("# HELP ")
                            || line.startsWith("# TYPE ")
                            || PROMETHEUS_SAMPLE.matcher(line).matches())
                    .as("a Prometheus text line: %s", line)
                    .isTrue());
    assertThat(operator.metrics()).contains("# TYPE ");
  }

  @Test
  @Order(3)
  void everyDataCenterBecomesHealthy() {
    for (DataCenterPlan dataCenter : world.plans()) {
      world.awaitDataCenterPhase(
          dataCenter.name(), DataCenterPhase.Healthy, Duration.ofSeconds(20));
    }
  }

  @Test
  @Order(4)
  void aStoppedDataCenterBecomesUnreachableAndLeavesUnreachableOnceStarted() {
    world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, Duration.ofSeconds(20));
    DataCenterCluster toronto = world.dataCenter("toronto");

    toronto.stop();
    try {
      world.awaitDataCenterPhase("toronto", DataCenterPhase.Unreachable, Duration.ofSeconds(15));
      assertThat(world.dataCenterResource("chicago").getStatus().getPhase())
          .as("a data center that still runs")
          .isEqualTo(DataCenterPhase.Healthy);
    } finally {
      toronto.start();
    }

    world.awaitDataCenterPhaseIn(
        "toronto",
        EnumSet.of(DataCenterPhase.Restoring, DataCenterPhase.Probation, DataCenterPhase.Healthy),
        Duration.ofSeconds(20));
    assertThat(operator.isAlive()).as("the operator survived the outage").isTrue();
  }

  /** Blackout after two failed one-second probes, so the outage shows within seconds. */
  private static ProbeSpec fast() {
    ProbeSpec probe = new ProbeSpec();
    probe.setInterval("1s");
    probe.setTimeout("1s");
    probe.setFailureThreshold(2);
    probe.setSuccessThreshold(2);
    return probe;
  }
}
