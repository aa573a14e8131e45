package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import dev.failover.testbed.TestbedException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator process, started from the jar as the chart starts it, honours the settings the chart
 * passes: the log level and format, and the refusal to run several replicas without leader
 * election.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorSettingsE2E {
  private FailoverWorld world;

  @BeforeAll
  void startTheHub(Testbed testbed) {
    world = FailoverWorld.start(testbed, List.of());
  }

  @AfterAll
  void stopTheOperators() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void refusesToStartAsOneOfSeveralReplicasWithoutLeaderElection() {
    OperatorLaunch launch =
        world
            .operatorLaunch()
            .withEnvironment("FAILOVER_REPLICAS", "2")
            .withEnvironment("FAILOVER_LEADER_ELECTION", "false")
            .withReadyTimeout(Duration.ofSeconds(60));

    assertThatThrownBy(() -> world.operator(launch))
        .isInstanceOf(TestbedException.class)
        .hasMessageContaining("exited with code 2")
        .hasMessageContaining("FAILOVER_REPLICAS is 2 but FAILOVER_LEADER_ELECTION is false");
  }

  @Test
  void logsOneJsonObjectPerLineAtTheConfiguredLevel() throws IOException {
    OperatorProcess operator =
        world.operator(
            world
                .operatorLaunch()
                .withEnvironment("FAILOVER_LOG_FORMAT", "json")
                .withEnvironment("FAILOVER_LOG_LEVEL", "debug"));
    operator.stop();

    List<String> lines = operatorLines(operator);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> entries = lines.stream().map(line -> parse(json, line)).toList();
    assertThat(entries).extracting(entry -> entry.get("level").asText()).contains("DEBUG", "INFO");
    assertThat(entries)
        .extracting(entry -> entry.get("formattedMessage").asText())
        .anyMatch(message -> message.startsWith("failover-operator started"));
  }

  @Test
  void atWarnTheRoutineStartIsNotLogged() throws IOException {
    OperatorProcess operator =
        world.operator(world.operatorLaunch().withEnvironment("FAILOVER_LOG_LEVEL", "warn"));
    operator.stop();

    assertThat(operatorLines(operator))
        .as("slf4j-simple ignored the level and logged INFO anyway")
        .noneMatch(line -> line.contains(" INFO ") || line.contains("DEBUG"))
        .noneMatch(line -> line.contains("failover-operator started"));
  }

  /** The process's own lines, without the launcher's "---- starting" header. */
  private static List<String> operatorLines(OperatorProcess operator) throws IOException {
    return Files.readAllLines(operator.logFile()).stream()
        .filter(line -> !line.startsWith("---- ") && !line.isBlank())
        .toList();
  }

  private static JsonNode parse(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }
}
