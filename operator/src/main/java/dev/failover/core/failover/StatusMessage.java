package dev.failover.core.failover;

import dev.failover.core.DurationText;

/**
 * One line for the policy's Ready condition, saying where the workload is and what it waits for.
 */
final class StatusMessage {
  private final Eligibility eligibility;

  StatusMessage(Eligibility eligibility) {
    this.eligibility = eligibility;
  }

  String describe(PolicySituation situation, FailoverProgress progress) {
    InFlightFailover move = progress.inFlight();
    String fences =
        progress.awaitingFence().isEmpty()
            ? ""
            : "; to fence on return: " + String.join(", ", progress.awaitingFence());
    String unavailable =
        "No data center can take the workload: "
            + eligibility.explain(situation, progress.awaitingFence())
            + fences;
    return switch (progress.phase()) {
      case Active ->
          "Active in "
              + progress.activeDataCenter()
              + fences
              + heldOut(situation)
              + situation
                  .awaitingFailbackSlot()
                  .map(
                      wait ->
                          "; failback to " + wait.dataCenter() + " awaits a slot: " + wait.why())
                  .orElse("");
      case Unavailable -> unavailable;
      case Pending ->
          move == null || move.to() == null
              ? "Waiting to place the workload: "
                  + eligibility.explain(situation, progress.awaitingFence())
              : "Placing in " + move.to() + ": " + waitingFor(progress) + overdue(situation, move);
      case FailingOver, FailingBack ->
          (move == null
                  ? "Moving"
                  : (move.reason().failback() ? "Failing back from " : "Failing over from ")
                      + move.from()
                      + (move.to() == null ? "" : " to " + move.to())
                      + " ("
                      + move.trigger()
                      + ")")
              + ": "
              + waitingFor(progress)
              + overdue(situation, move)
              + fences;
    };
  }

  /** Data centers kept out of production for their restore test, and what each waits for. */
  private static String heldOut(PolicySituation situation) {
    return situation.heldOut().isEmpty()
        ? ""
        : "; kept out of production: "
            + situation.heldOut().values().stream()
                .map(HeldOut::why)
                .sorted()
                .collect(java.util.stream.Collectors.joining("; "));
  }

  private static String overdue(PolicySituation situation, InFlightFailover move) {
    return TargetSteps.pastDeadline(move, situation)
        ? "; past the deadline of "
            + DurationText.format(situation.settings().moveDeadline())
            + " (the RTO)"
        : "";
  }

  private static String waitingFor(FailoverProgress progress) {
    InFlightFailover move = progress.inFlight();
    if (move == null || progress.currentStep() == null) {
      return "deciding";
    }
    return switch (progress.currentStep()) {
      case SelectTarget -> "choosing a target";
      case PromoteTarget -> "starting the workload in " + move.to();
      case AwaitTargetAvailable -> "waiting for the workload to become Available in " + move.to();
      case SwitchTraffic -> "waiting for traffic to point at " + move.to();
      case FenceOldActive -> "waiting for " + move.from() + " to be scaled to zero";
      case Record -> "recording the move";
    };
  }
}
