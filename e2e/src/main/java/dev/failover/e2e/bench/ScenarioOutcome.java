package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one scenario of the false-positive benchmark did to the link and what the operator made of
 * it: Toronto's probes and phases, and every move of the policies' workloads.
 *
 * @param link what was done to the link, for people
 * @param maxFailoversPerPolicy the target: at most this many failovers, and as many failbacks, per
 *     policy
 * @param endState where the workloads ended up, for people
 * @param alarms when and why Toronto went Degraded or Unreachable
 */
record ScenarioOutcome(
    String scenario,
    Duration duration,
    String link,
    ProbeCounts probes,
    List<String> policies,
    MoveLedger moves,
    PhaseStory toronto,
    int maxFailoversPerPolicy,
    String endState,
    List<String> alarms) {
  private static final int ALARMS_LISTED = 5;

  static final String TABLE_HEADER =
      "| scenario | duration | the link | Toronto probes (failed) | failovers | failbacks |"
          + " Toronto's phases | target met | workloads at the end |\n"
          + "|---|---|---|---|---|---|---|---|---|\n";

  boolean targetMet() {
    return policies.stream()
        .allMatch(
            policy ->
                moves.count(policy, FailoverType.Failover) <= maxFailoversPerPolicy
                    && moves.count(policy, FailoverType.Failback) <= maxFailoversPerPolicy);
  }

  String tableRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %d (%d = %.1f %%) | %s | %s | %s | %s (%s) | %s |%n",
        scenario,
        dev.failover.core.DurationText.format(duration),
        link,
        probes.total(),
        probes.failed(),
        probes.failedPercent(),
        perPolicy(FailoverType.Failover),
        perPolicy(FailoverType.Failback),
        toronto.describe(),
        targetMet() ? "yes" : "**no**",
        maxFailoversPerPolicy == 0
            ? "no move allowed"
            : "at most " + maxFailoversPerPolicy + " of each per policy",
        endState);
  }

  /** Every move, one line each, with its reason: what a failed target is explained by. */
  String movesList() {
    if (moves.moves().isEmpty()) {
      return "- " + scenario + ": no moves\n";
    }
    return moves.moves().stream()
        .map(
            move ->
                "- " + scenario + ": " + move.describe() + ", decided " + move.decidedAt() + "\n")
        .collect(Collectors.joining());
  }

  /** The first few times Toronto went Degraded or Unreachable, with the reason it was given. */
  String alarmsList() {
    if (alarms.isEmpty()) {
      return "- " + scenario + ": none\n";
    }
    StringBuilder list = new StringBuilder();
    alarms.stream()
        .limit(ALARMS_LISTED)
        .forEach(
            alarm -> list.append("- ").append(scenario).append(": ").append(alarm).append('\n'));
    if (alarms.size() > ALARMS_LISTED) {
      list.append("- ")
          .append(scenario)
          .append(": and ")
          .append(alarms.size() - ALARMS_LISTED)
          .append(" more (see the CSV)\n");
    }
    return list.toString();
  }

  private String perPolicy(FailoverType type) {
    return moves.count(type)
        + " ("
        + policies.stream()
            .map(policy -> policy + " " + moves.count(policy, type))
            .collect(Collectors.joining(", "))
        + ")";
  }
}
