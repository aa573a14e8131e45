package dev.failover.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failover.operator.config.OperatorConfig.LogFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class OperatorLoggingTest {
  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A context of its own, so the tests never change how the build logs. */
  OperatorLoggingTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  private List<String> lines() {
    context.stop();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theConfiguredLevelDropsLessSevereLines() {
    OperatorLogging.to(context, "warn", LogFormat.text, out);
    Logger log = context.getLogger("dev.failover.operator.Example");

    log.info("routine");
    log.warn("attention {}", "please");

    assertThat(lines()).singleElement().asString().contains("WARN").endsWith("attention please");
  }

  @Test
  void debugIsLoggedWhenAskedFor() {
    OperatorLogging.to(context, "debug", LogFormat.text, out);

    context.getLogger("dev.failover.operator.Example").debug("details");

    assertThat(lines()).singleElement().asString().contains("DEBUG").endsWith("details");
  }

  @Test
  void atDebugJosdksInformerManagerStillLogsOnlyFromInfo() {
    OperatorLogging.to(context, "debug", LogFormat.text, out);
    Logger informers = context.getLogger(OperatorLogging.INFORMER_MANAGER);

    informers.debug("Registered {}", new Object());
    informers.info("kept");

    assertThat(lines()).singleElement().asString().contains("INFO").endsWith("kept");
  }

  @Test
  void atWarnJosdksInformerManagerIsNotRaisedToInfo() {
    OperatorLogging.to(context, "warn", LogFormat.text, out);

    context.getLogger(OperatorLogging.INFORMER_MANAGER).info("routine");

    assertThat(lines()).isEmpty();
  }

  @Test
  void jsonWritesOneParsableObjectPerLine() throws Exception {
    OperatorLogging.to(context, "info", LogFormat.json, out);
    Logger log = context.getLogger("dev.failover.operator.Example");

    log.info("failover of {} started", "shop/web");
    log.error("failed", new IllegalStateException("boom"));

    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("loggerName").asText()).isEqualTo("dev.failover.operator.Example");
    assertThat(first.get("formattedMessage").asText()).isEqualTo("failover of shop/web started");
    assertThat(first.has("timestamp")).isTrue();
    JsonNode second = json.readTree(lines.get(1));
    assertThat(second.get("level").asText()).isEqualTo("ERROR");
    assertThat(second.get("throwable").toString()).contains("boom");
  }
}
