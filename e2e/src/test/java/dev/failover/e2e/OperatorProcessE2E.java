package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.testbed.LoopbackPorts;
import dev.failover.testbed.PidFile;
import dev.failover.testbed.ProcessIdentity;
import dev.failover.testbed.ProxiedKubeconfig;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import dev.failover.testbed.TestbedBinaries;
import dev.failover.testbed.TestbedException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator process behaves like a pod: SIGKILL ends it at once, a restart comes back on the
 * same ports, SIGTERM ends it gracefully, and it never outlives the JVM that started it, even one
 * killed with SIGKILL.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorProcessE2E {
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final int SIGTERM_EXIT = 128 + 15;

  private FailoverWorld world;
  private Process childJvm;

  @BeforeAll
  void startTheWorld(Testbed testbed) {
    world = FailoverWorld.start(testbed);
  }

  @AfterAll
  void closeTheWorld() {
    if (world != null) {
      world.close();
    }
  }

  @AfterEach
  void killTheChildJvm() {
    if (childJvm != null) {
      childJvm.destroyForcibly();
    }
  }

  @Test
  void aKilledOperatorRestartsOnTheSamePortsAndProbesAgain() {
    OperatorProcess operator = world.operator();
    world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, Duration.ofSeconds(20));
    long firstPid = operator.pid();

    assertThat(operator.kill()).isEqualTo(SIGKILL_EXIT);
    assertThat(operator.isAlive()).isFalse();
    assertThatThrownBy(() -> LocalHttp.get(operator.healthUri("/healthz")))
        .isInstanceOf(UncheckedIOException.class);
    String lastProbe = world.dataCenterResource("toronto").getStatus().getLastProbeTime();

    operator.restart();

    assertThat(operator.pid()).isNotEqualTo(firstPid);
    assertThat(LocalHttp.get(operator.healthUri("/readyz")).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(world.dataCenterResource("toronto").getStatus().getLastProbeTime())
                    .as("the restarted operator probes toronto again")
                    .isNotEqualTo(lastProbe));
    operator.close();
  }

  @Test
  void stopEndsTheOperatorWithSigterm() {
    OperatorProcess operator = world.operator();

    assertThat(operator.stop()).isEqualTo(SIGTERM_EXIT);
    assertThat(operator.isAlive()).isFalse();
  }

  @Test
  void anOperatorThatCannotReachItsHubFailsTheStartWithItsLog() throws Exception {
    Path nowhere = world.testbed().workDir().resolve("kubeconfigs/nowhere.yaml");
    String hub = Files.readString(world.hubCluster().kubeconfig());
    Files.writeString(nowhere, ProxiedKubeconfig.rewrite(hub, "127.0.0.1", LoopbackPorts.free()));
    OperatorLaunch launch =
        world.operatorLaunch().withHubKubeconfig(nowhere).withReadyTimeout(Duration.ofSeconds(20));

    assertThatThrownBy(() -> world.operator(launch))
        .isInstanceOf(TestbedException.class)
        .hasMessageMatching("(?s)operator operator-\\d+ (exited with code|was not ready).*")
        .hasMessageContaining("last log lines of")
        .hasMessageContaining("-jar " + OperatorJar.locate());
  }

  @Test
  void theOperatorDoesNotOutliveAJvmKilledWithSigkill() throws Exception {
    Path root = Testbed.defaultWorkRoot().resolve("operator-process-e2e");
    Files.createDirectories(root);
    Path pidFile = root.resolve("operator.pid");
    Files.deleteIfExists(pidFile);
    Path output = root.resolve("child-jvm.out");
    childJvm =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + TestbedBinaries.PROPERTY + "=" + TestbedBinaries.locate().dir(),
                "-D" + OperatorJar.PROPERTY + "=" + OperatorJar.locate(),
                "-D" + RepositoryFiles.ROOT_PROPERTY + "=" + RepositoryFiles.root(),
                OperatorInAnotherJvm.class.getName(),
                root.toString(),
                pidFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    await()
        .atMost(Duration.ofMinutes(3))
        .failFast("the child JVM exited; see " + output, () -> !childJvm.isAlive())
        .until(() -> PidFile.read(pidFile).isPresent());
    ProcessIdentity operator = ProcessIdentity.of(PidFile.read(pidFile).getAsLong()).orElseThrow();

    childJvm.destroyForcibly().waitFor();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .alias("operator pid " + operator.pid() + " gone after its JVM was killed; see " + output)
        .until(() -> !operator.isAlive());
  }
}
