package dev.failover.core.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Whether a test passed: every fault recovered from, each within the maximum recovery time. */
public record RestoreVerdict(boolean passed, String message) {

  /** A fault as it went: recovered after {@code recovery}, or not at all (empty). */
  public record FaultOutcome(PlannedFault fault, Optional<Duration> recovery) {}

  public static RestoreVerdict of(List<FaultOutcome> outcomes, Duration maxRecovery) {
    if (outcomes.isEmpty()) {
      return new RestoreVerdict(
          false,
          "no fault could be injected: the test namespace has nothing of the kinds asked for");
    }
    for (int i = 0; i < outcomes.size(); i++) {
      FaultOutcome outcome = outcomes.get(i);
      String which =
          "fault " + (i + 1) + " (" + outcome.fault().kind() + " " + outcome.fault().target() + ")";
      if (outcome.recovery().isEmpty()) {
        return new RestoreVerdict(false, which + " was not recovered from");
      }
      if (outcome.recovery().get().compareTo(maxRecovery) > 0) {
        return new RestoreVerdict(
            false,
            which
                + " took "
                + millis(outcome.recovery().get())
                + " to recover from, more than the "
                + millis(maxRecovery)
                + " allowed");
      }
    }
    Duration slowest =
        outcomes.stream()
            .map(o -> o.recovery().orElseThrow())
            .max(Duration::compareTo)
            .orElseThrow();
    return new RestoreVerdict(
        true,
        outcomes.size()
            + " fault(s) recovered from, the slowest in "
            + millis(slowest)
            + " (at most "
            + millis(maxRecovery)
            + ")");
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }
}
