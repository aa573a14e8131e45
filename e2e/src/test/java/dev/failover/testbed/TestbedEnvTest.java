package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestbedEnvTest {

  @Test
  void dataCenterNamesBecomeShellVariableNames() {
    assertThat(TestbedEnv.variableName("toronto")).isEqualTo("TORONTO");
    assertThat(TestbedEnv.variableName("us-east-1")).isEqualTo("US_EAST_1");
  }

  @Test
  void valuesAreQuotedForTheShell() {
    assertThat(TestbedWatchdog.shellQuote("/tmp/it's here")).isEqualTo("'/tmp/it'\\''s here'");
  }
}
