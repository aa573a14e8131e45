package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioOutcomeTest {
  private static final Instant START = Instant.parse("2026-12-01T13:00:00Z");
  private static final ProbeCounts PROBES =
      new ProbeCounts(Map.of("Succeeded", 294L, "Refused", 6L));

  @Test
  void onANoisyLinkASingleFailoverMissesTheTarget() {
    MoveLedger moves = new MoveLedger(START);
    moves.observe("fp-hot", history(move(FailoverType.Failover, "13:01:00", "Brownout")));

    ScenarioOutcome noisy = outcome(moves, 0);

    assertThat(noisy.targetMet()).isFalse();
    assertThat(noisy.tableRow())
        .contains("| 300 (6 = 2.0 %) |")
        .contains("| 1 (fp-hot 1, fp-warm 0) |")
        .contains("**no** (no move allowed)");
    assertThat(noisy.movesList()).contains("fp-hot Failover toronto -> chicago (Brownout)");
  }

  @Test
  void whileFlappingOneFailoverAndOneFailbackPerPolicyMeetTheTarget() {
    MoveLedger moves = new MoveLedger(START);
    for (String policy : List.of("fp-hot", "fp-warm")) {
      moves.observe(
          policy,
          history(
              move(FailoverType.Failback, "13:03:00", "AutomaticFailback"),
              move(FailoverType.Failover, "13:01:00", "Blackout")));
    }

    assertThat(outcome(moves, 1).targetMet()).isTrue();

    moves.observe("fp-warm", history(move(FailoverType.Failover, "13:04:00", "Blackout")));
    assertThat(outcome(moves, 1).targetMet()).isFalse();
  }

  @Test
  void listsAFewAlarmsAndCountsTheRest() {
    List<String> alarms = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      alarms.add("13:0" + i + " Unreachable: blackout");
    }
    ScenarioOutcome flapping =
        new ScenarioOutcome(
            "flapping",
            Duration.ofMinutes(2),
            "cut 5s",
            PROBES,
            List.of("fp-hot"),
            new MoveLedger(START),
            new PhaseStory(List.of("Healthy")),
            1,
            "",
            alarms);

    assertThat(flapping.alarmsList().lines()).hasSize(6).last().asString().contains("2 more");
  }

  private static ScenarioOutcome outcome(MoveLedger moves, int maxPerPolicy) {
    return new ScenarioOutcome(
        "noisy link",
        Duration.ofMinutes(10),
        "100 ± 100 ms",
        PROBES,
        List.of("fp-hot", "fp-warm"),
        moves,
        new PhaseStory(List.of("Healthy", "Degraded")),
        maxPerPolicy,
        "",
        List.of());
  }

  private static FailoverPolicyStatus history(FailoverRecord... records) {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setHistory(new ArrayList<>(List.of(records)));
    return status;
  }

  private static FailoverRecord move(FailoverType type, String time, String reason) {
    FailoverRecord record = new FailoverRecord();
    record.setType(type);
    boolean away = type == FailoverType.Failover;
    record.setFrom(away ? "toronto" : "chicago");
    record.setTo(away ? "chicago" : "toronto");
    record.setReason(reason);
    record.setDetectedAt("2026-12-01T" + time + "Z");
    return record;
  }
}
