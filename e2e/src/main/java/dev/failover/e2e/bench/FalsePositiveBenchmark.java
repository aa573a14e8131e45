package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.DurationText;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.e2e.PolicyWatch;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * False positives (issue 10): with the default detection settings, a Hot and a Warm policy with
 * automatic failback run in Toronto while Toronto's link misbehaves, and the benchmark counts what
 * moved.
 *
 * <ul>
 *   <li><b>Noisy link</b>: every response delayed by latency ± jitter, and the link dropped for
 *       short spells at random ({@link LinkDropSchedule}) so that about 2 % of probes fail. The
 *       probes and their failures are measured from the operator's {@code /metrics}, before and
 *       after. Target: no failover at all.
 *   <li><b>Flapping</b>: the link cut and restored every 5 s, then left alone until the workloads
 *       are back in Toronto (bounded). Target: at most one failover and one failback per policy.
 * </ul>
 *
 * Every event (drops, cuts, phase changes, moves) goes to a CSV; a Markdown table goes to stdout.
 */
@Command(
    name = "false-positive-benchmark",
    mixinStandardHelpOptions = true,
    description = "Counts failovers caused by a noisy link and by a flapping data center.")
public final class FalsePositiveBenchmark implements Callable<Integer> {
  private static final String NAMESPACE = "fp-bench";
  private static final String TORONTO = "toronto";
  private static final List<StandbyMode> STANDBYS = List.of(StandbyMode.Hot, StandbyMode.Warm);

  /** After the noise stops, a move it caused may still be on its way. */
  private static final Duration TAIL = Duration.ofSeconds(15);

  /** Which scenarios run. */
  enum Scenario {
    NOISY,
    FLAPPING,
    BOTH;

    boolean includes(Scenario one) {
      return this == BOTH || this == one;
    }
  }

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(
      names = "--scenario",
      defaultValue = "both",
      description = "noisy, flapping or both (default ${DEFAULT-VALUE}).")
  private Scenario scenario;

  @Option(names = "--noisy", defaultValue = "10m", description = "How long the link is noisy.")
  private Duration noisyFor;

  @Option(names = "--flapping", defaultValue = "2m", description = "How long the link flaps.")
  private Duration flappingFor;

  @Option(
      names = "--failure-percent",
      defaultValue = "2",
      description = "Share of probes the link drops should make fail, in percent.")
  private double failurePercent;

  @Option(names = "--drop", defaultValue = "100ms", description = "How long each drop lasts.")
  private Duration drop;

  @Option(names = "--latency", defaultValue = "100ms", description = "Latency added (mean).")
  private Duration latency;

  @Option(
      names = "--jitter",
      defaultValue = "100ms",
      description = "Jitter around the latency: each response waits latency ± jitter.")
  private Duration jitter;

  @Option(names = "--seed", defaultValue = "10", description = "Seed of the drop schedule.")
  private long seed;

  @Option(names = "--flap", defaultValue = "5s", description = "Time cut, then time restored.")
  private Duration flap;

  @Option(
      names = "--failback-window",
      defaultValue = "30s",
      description = "The policies' failback stabilization window (the CRD's default is 5m).")
  private Duration failbackWindow;

  @Option(
      names = "--settle",
      defaultValue = "5m",
      description =
          "At most this long for the workloads to settle in Toronto, before each"
              + " scenario and after the flapping.")
  private Duration settle;

  @Option(names = "--csv", description = "Raw events; <work>/false-positive-events.csv when unset.")
  private Path csv;

  public static void main(String[] args) {
    CommandLine command = new CommandLine(new FalsePositiveBenchmark());
    command.setCaseInsensitiveEnumValuesAllowed(true);
    command.registerConverter(Duration.class, DurationText::parse);
    System.exit(command.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    Path raw = csv == null ? work.resolve("false-positive-events.csv") : csv;
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    List<FalsePositiveEvent> events = new ArrayList<>();
    try (Testbed testbed = Testbed.start(work);
        FailoverWorld world = FailoverWorld.start(testbed, DataCenterPlan.defaults())) {
      OperatorProcess operator = world.operator();
      Map<String, PolicyDraft> drafts = drafts();
      Map<String, PolicyWatch> policies = new LinkedHashMap<>();
      drafts.forEach((name, draft) -> policies.put(name, draft.applyTo(world)));
      if (scenario.includes(Scenario.NOISY)) {
        ScenarioRecorder recorder = recorder(world, "noisy", policies);
        try {
          outcomes.add(noisy(world, operator, recorder, drafts));
        } finally {
          events.addAll(recorder.events());
          write(raw, events);
        }
      }
      if (scenario.includes(Scenario.FLAPPING)) {
        ScenarioRecorder recorder = recorder(world, "flapping", policies);
        try {
          outcomes.add(flapping(world, operator, recorder, policies, drafts));
        } finally {
          events.addAll(recorder.events());
          write(raw, events);
        }
      }
    }
    System.out.println("Raw events: " + raw);
    System.out.println();
    System.out.println(report(outcomes));
    return outcomes.stream().allMatch(ScenarioOutcome::targetMet) ? 0 : 1;
  }

  /** A Hot and a Warm policy, Priority placement from Toronto, automatic failback. */
  private Map<String, PolicyDraft> drafts() {
    Map<String, PolicyDraft> drafts = new LinkedHashMap<>();
    for (StandbyMode standby : STANDBYS) {
      String name = "fp-" + standby.name().toLowerCase(Locale.ROOT);
      drafts.put(
          name,
          PolicyDraft.of(NAMESPACE, name)
              .withStandby(standby)
              .withAutomaticFailback(DurationText.format(failbackWindow))
              .withDnsName(name + ".bench.example"));
    }
    return drafts;
  }

  /** Waits until Toronto is Healthy and serves every workload, then starts recording. */
  private ScenarioRecorder recorder(
      FailoverWorld world, String name, Map<String, PolicyWatch> policies) {
    world.awaitDataCenterPhase(TORONTO, DataCenterPhase.Healthy, settle);
    for (PolicyWatch policy : policies.values()) {
      policy.awaitActiveIn(TORONTO, settle);
    }
    return new ScenarioRecorder(world, name, policies, Instant.now());
  }

  private ScenarioOutcome noisy(
      FailoverWorld world,
      OperatorProcess operator,
      ScenarioRecorder recorder,
      Map<String, PolicyDraft> drafts) {
    // Each drop also fails a probe still waiting for its answer: on average it waits the latency.
    LinkDropSchedule schedule =
        LinkDropSchedule.forProbeFailures(failurePercent, drop, latency, seed);
    ProbeCounts before = ProbeCounts.of(operator.metrics(), TORONTO);
    Instant end = Instant.now().plus(noisyFor);
    NoisyLink link =
        NoisyLink.start(world.dataCenter(TORONTO), latency, jitter, schedule, end, recorder);
    try {
      recorder.watchUntil(end);
    } finally {
      link.close();
    }
    ProbeCounts probes = ProbeCounts.of(operator.metrics(), TORONTO).since(before);
    recorder.watchUntil(Instant.now().plus(TAIL));
    List<Long> drops = link.dropMillis();
    String dropLengths =
        drops.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                " (p50 %d ms, max %d ms)",
                Percentiles.of(drops).p50(),
                Percentiles.of(drops).max());
    String described =
        String.format(
            Locale.ROOT,
            "%d ± %d ms latency; %d drops of %d ms%s, %.0f expected for %.1f %% failed probes",
            latency.toMillis(),
            jitter.toMillis(),
            drops.size(),
            drop.toMillis(),
            dropLengths,
            schedule.expectedDrops(noisyFor),
            failurePercent);
    return outcome("noisy link", noisyFor, described, probes, recorder, 0, endState(world, drafts));
  }

  private ScenarioOutcome flapping(
      FailoverWorld world,
      OperatorProcess operator,
      ScenarioRecorder recorder,
      Map<String, PolicyWatch> policies,
      Map<String, PolicyDraft> drafts) {
    ProbeCounts before = ProbeCounts.of(operator.metrics(), TORONTO);
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    Instant end = Instant.now().plus(flappingFor);
    int cuts = 0;
    try {
      while (Instant.now().isBefore(end)) {
        toronto.cut();
        cuts++;
        recorder.note("cut", TORONTO, "link cut");
        recorder.watchUntil(Instant.now().plus(flap));
        toronto.uncut();
        recorder.note("uncut", TORONTO, "link restored");
        recorder.watchUntil(Instant.now().plus(flap));
      }
    } finally {
      toronto.uncut();
    }
    Instant stopped = Instant.now();
    boolean settled =
        recorder.watchUntil(stopped.plus(settle), () -> settledInToronto(recorder, policies));
    Duration settling = Duration.between(stopped, Instant.now());
    recorder.note(
        "settled",
        TORONTO,
        (settled ? "settled in Toronto after " : "not settled in Toronto within ")
            + DurationText.format(settling));
    ProbeCounts probes = ProbeCounts.of(operator.metrics(), TORONTO).since(before);
    String described =
        String.format(
            Locale.ROOT,
            "cut %s, restored %s: %d cuts; %s %s after",
            DurationText.format(flap),
            DurationText.format(flap),
            cuts,
            settled ? "settled in Toronto" : "**not settled** in Toronto",
            DurationText.format(settling));
    return outcome(
        "flapping", flappingFor, described, probes, recorder, 1, endState(world, drafts));
  }

  /** Toronto Healthy, and every policy active there with no move under way. */
  private static boolean settledInToronto(
      ScenarioRecorder recorder, Map<String, PolicyWatch> policies) {
    if (recorder.phase(TORONTO) != DataCenterPhase.Healthy) {
      return false;
    }
    return policies.values().stream()
        .map(PolicyWatch::status)
        .allMatch(
            status ->
                status.isPresent()
                    && status.get().getPhase() == FailoverPhase.Active
                    && status.get().getCurrentStep() == null
                    && TORONTO.equals(status.get().getActiveDataCenter()));
  }

  private static ScenarioOutcome outcome(
      String scenario,
      Duration duration,
      String link,
      ProbeCounts probes,
      ScenarioRecorder recorder,
      int maxFailoversPerPolicy,
      String endState) {
    return new ScenarioOutcome(
        scenario,
        duration,
        link,
        probes,
        List.copyOf(recorder.policies()),
        recorder.moves(),
        new PhaseStory(recorder.phasesOf(TORONTO)),
        maxFailoversPerPolicy,
        endState,
        recorder.alarmsOf(TORONTO));
  }

  /** Each policy's active data center and where its Deployment has replicas. */
  private static String endState(FailoverWorld world, Map<String, PolicyDraft> drafts) {
    return drafts.values().stream()
        .map(
            draft -> {
              PolicyWatch watch = new PolicyWatch(world, draft.namespace(), draft.name());
              String active =
                  watch.status().map(status -> status.getActiveDataCenter()).orElse("none");
              String replicas =
                  world.plans().stream()
                      .map(
                          plan ->
                              plan.name() + " " + watch.replicas(plan.name(), draft.deployment()))
                      .collect(Collectors.joining(", "));
              return draft.name() + " active in " + active + " (replicas " + replicas + ")";
            })
        .collect(Collectors.joining("; "));
  }

  private static void write(Path raw, List<FalsePositiveEvent> events) throws IOException {
    List<String> lines = new ArrayList<>(List.of(FalsePositiveEvent.CSV_HEADER));
    events.stream()
        .sorted(Comparator.comparing(FalsePositiveEvent::at))
        .forEach(event -> lines.add(event.csvLine()));
    Files.write(raw, lines);
  }

  private String report(List<ScenarioOutcome> outcomes) {
    StringBuilder table = new StringBuilder(ScenarioOutcome.TABLE_HEADER);
    outcomes.forEach(outcome -> table.append(outcome.tableRow()));
    table.append("\nMoves (failovers and failbacks, with the rule that decided each):\n");
    outcomes.forEach(outcome -> table.append(outcome.movesList()));
    table.append("\nToronto Degraded or Unreachable (the verdicts that move workloads):\n");
    outcomes.forEach(outcome -> table.append(outcome.alarmsList()));
    table.append(
        "\nDetection: the DataCenter defaults (probe every 2s, timeout 1s, 3 failures to a"
            + " blackout, refusals confirmed after 200ms, brownout over 5 % errors or 500 ms p50"
            + " in 30s, probation 30s), not shortened. Failback window of the policies: "
            + DurationText.format(failbackWindow)
            + ".\n");
    return table.toString();
  }
}
