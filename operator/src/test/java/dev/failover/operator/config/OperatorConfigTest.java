package dev.failover.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.operator.config.OperatorConfig.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void refusesMoreThanOneReplicaWithoutLeaderElection() {
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of("FAILOVER_REPLICAS", "2", "FAILOVER_LEADER_ELECTION", "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAILOVER_REPLICAS is 2")
        .hasMessageContaining("FAILOVER_LEADER_ELECTION");
  }

  @Test
  void acceptsSeveralReplicasWithLeaderElection() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.of("FAILOVER_REPLICAS", "3", "FAILOVER_LEADER_ELECTION", "true"));

    assertThat(config.replicas()).isEqualTo(3);
    assertThat(config.leaderElection()).isTrue();
  }

  @Test
  void oneReplicaByDefaultRunsWithoutLeaderElection() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of());

    assertThat(config.replicas()).isEqualTo(1);
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.logLevel()).isEqualTo("info");
    assertThat(config.logFormat()).isEqualTo(LogFormat.text);
  }

  @Test
  void aMistypedLeaderElectionSwitchIsRefusedRatherThanReadAsFalse() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_LEADER_ELECTION", "yes")))
        .hasMessageContaining("FAILOVER_LEADER_ELECTION must be true or false: yes");
  }

  @Test
  void refusesAReplicaCountThatIsNotAPositiveNumber() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_REPLICAS", "two")))
        .hasMessageContaining("FAILOVER_REPLICAS must be a whole number: two");
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_REPLICAS", "0")))
        .hasMessageContaining("FAILOVER_REPLICAS must be at least 1");
  }

  @Test
  void readsTheLogLevelAndFormatCaseInsensitively() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.of("FAILOVER_LOG_LEVEL", "DEBUG", "FAILOVER_LOG_FORMAT", "Json"));

    assertThat(config.logLevel()).isEqualTo("debug");
    assertThat(config.logFormat()).isEqualTo(LogFormat.json);
  }

  @Test
  void refusesAnUnknownLogLevelOrFormatNamingTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_LOG_LEVEL", "loud")))
        .hasMessageContaining("FAILOVER_LOG_LEVEL must be one of")
        .hasMessageContaining("loud");
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_LOG_FORMAT", "xml")))
        .hasMessageContaining("FAILOVER_LOG_FORMAT must be text or json: xml");
  }

  @Test
  void theLeaderIdentityIsTheConfiguredOneElseTheHostName() {
    assertThat(
            OperatorConfig.fromEnvironment(
                    Map.of("FAILOVER_LEADER_IDENTITY", "pod-a", "HOSTNAME", "host"))
                .leaderIdentity())
        .isEqualTo("pod-a");
    assertThat(OperatorConfig.fromEnvironment(Map.of("HOSTNAME", "host")).leaderIdentity())
        .isEqualTo("host");
    assertThat(OperatorConfig.fromEnvironment(Map.of()).leaderIdentity())
        .as("two processes without a name must not share one")
        .isNotEqualTo(OperatorConfig.fromEnvironment(Map.of()).leaderIdentity());
  }

  @Test
  void restoreTestsRunHereUnlessAnotherToolRunsThem() {
    assertThat(OperatorConfig.fromEnvironment(Map.of()).restoreTestRunner()).isTrue();
    assertThat(
            OperatorConfig.fromEnvironment(Map.of("FAILOVER_RESTORE_TEST_RUNNER", "false"))
                .restoreTestRunner())
        .isFalse();
  }

  @Test
  void tenFailbacksPerDataCenterUnlessConfigured() {
    assertThat(OperatorConfig.fromEnvironment(Map.of()).maxConcurrentFailbacks()).isEqualTo(10);
    assertThat(
            OperatorConfig.fromEnvironment(Map.of("FAILOVER_MAX_CONCURRENT_FAILBACKS", " 2 "))
                .maxConcurrentFailbacks())
        .isEqualTo(2);
  }

  @Test
  void refusesAFailbackLimitThatIsNotAPositiveNumber() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_MAX_CONCURRENT_FAILBACKS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FAILOVER_MAX_CONCURRENT_FAILBACKS must be at least 1: 0");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_MAX_CONCURRENT_FAILBACKS", "-1")))
        .hasMessage("FAILOVER_MAX_CONCURRENT_FAILBACKS must be at least 1: -1");
    assertThatThrownBy(
            () ->
                OperatorConfig.fromEnvironment(
                    Map.of("FAILOVER_MAX_CONCURRENT_FAILBACKS", "unlimited")))
        .hasMessage("FAILOVER_MAX_CONCURRENT_FAILBACKS must be a whole number: unlimited");
  }
}
