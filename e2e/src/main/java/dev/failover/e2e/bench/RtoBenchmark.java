package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.DataCenterExclusions;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.e2e.PolicyWatch;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures RTO over repeated blackouts with the default detection settings: a Hot and a Warm policy
 * share the active data center, which is cut (its control plane stopped, or its API server frozen,
 * the kinds taking turns), and both fail over. The cut data center is brought back and the next
 * blackout hits wherever the workloads went, so no run waits for a failback. Each move is aimed at
 * the next data center of the placement ({@link CutRotation}): Toronto, Chicago and Washington are
 * cut in turn. Each cut comes at a random point of the probe cycle. Reports percentiles of the RTO,
 * of detection and of the time beyond it, per cut kind and per data center cut, the rules that
 * triggered the moves, and writes every sample to a CSV so anyone can recompute the table.
 */
@Command(
    name = "rto-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures failover RTO over repeated blackouts on local data centers.")
public final class RtoBenchmark implements Callable<Integer> {
  private static final String NAMESPACE = "bench";
  private static final List<String> STANDBYS = List.of("Hot", "Warm");
  private static final Duration SETTLE = Duration.ofMinutes(2);

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(names = "--runs", defaultValue = "20", description = "Blackouts to measure.")
  private int runs;

  @Option(
      names = "--cuts",
      split = ",",
      defaultValue = "Refused,Frozen",
      description = "Cut kinds, taking turns run by run: Refused (stopped), Frozen (SIGSTOP).")
  private List<CutKind> cuts;

  @Option(names = "--csv", description = "Raw samples; <work>/rto-runs.csv when unset.")
  private Path csv;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random wait before each cut (uniform over one probe interval).")
  private long seed;

  /**
   * The default probe interval. The runs settle when a probe reports the data center Healthy, so
   * cutting at once would always cut at the same point of the probe cycle; a random wait over one
   * interval spreads the cuts evenly over it, as real failures fall.
   */
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(2);

  /** Every data center of the placement is cut in turn, in the placement's order. */
  private static final CutRotation ROTATION =
      new CutRotation(DataCenterPlan.defaults().stream().map(DataCenterPlan::name).toList());

  private Random phases;
  private DataCenterExclusions exclusions;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RtoBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    List<BlackoutSample> samples = new ArrayList<>();
    try (Testbed testbed = Testbed.start(work);
        FailoverWorld world = FailoverWorld.start(testbed, plans())) {
      OperatorProcess operator = world.operator();
      exclusions = new DataCenterExclusions(world);
      for (String standby : STANDBYS) {
        policy(standby).applyTo(world);
      }
      Path raw = csv == null ? work.resolve("rto-runs.csv") : csv;
      List<String> lines = new ArrayList<>(List.of(BlackoutSample.CSV_HEADER));
      phases = new Random(seed);
      for (int run = 1; run <= runs; run++) {
        CutKind cut = cuts.get((run - 1) % cuts.size());
        List<BlackoutSample> measured = blackout(world, run, cut);
        samples.addAll(measured);
        measured.forEach(sample -> lines.add(sample.csvLine()));
        Files.write(raw, lines);
        BlackoutSample last = measured.get(measured.size() - 1);
        System.out.printf(
            Locale.ROOT,
            "run %2d/%d (%s): %s -> %s  %s%n",
            run,
            runs,
            cut,
            last.from(),
            last.to(),
            measured.stream()
                .map(
                    s ->
                        s.standby()
                            + " RTO "
                            + s.rtoMs()
                            + "ms (detection "
                            + s.detectionMs()
                            + "ms, "
                            + s.trigger()
                            + ")")
                .toList());
      }
      System.out.println("Raw samples: " + raw);
      System.out.println();
      System.out.println(report(samples, operator));
    }
    return 0;
  }

  /** A 2-replica Deployment, Priority placement, manual failback. */
  private static PolicyDraft policy(String standby) {
    return PolicyDraft.of(NAMESPACE, "bench-" + standby.toLowerCase(Locale.ROOT))
        .withStandby(StandbyMode.valueOf(standby))
        .withManualFailback()
        .withDnsName("bench-" + standby.toLowerCase(Locale.ROOT) + ".bench.example");
  }

  /** Cuts the workloads' data center, waits for both to move, and brings it back. */
  private List<BlackoutSample> blackout(FailoverWorld world, int run, CutKind kind) {
    List<PolicyWatch> policies =
        STANDBYS.stream().map(s -> new PolicyWatch(world, NAMESPACE, policy(s).name())).toList();
    String active =
        policies.get(0).awaitActiveIn(activeOf(policies.get(0)), SETTLE).getActiveDataCenter();
    for (PolicyWatch policy : policies) {
      policy.awaitActiveIn(active, SETTLE);
    }
    List<String> steeredAway = ROTATION.toExclude(active);
    for (String dataCenter : steeredAway) {
      exclusions.drain(
          dataCenter, "rto-benchmark: aims this blackout at " + ROTATION.targetAfter(active));
      world.awaitDataCenterPhase(dataCenter, DataCenterPhase.Excluded, SETTLE);
    }
    Sleep.of(Duration.ofMillis(phases.nextInt((int) PROBE_INTERVAL.toMillis())));
    Instant cut = Instant.now();
    kind.cut(world.dataCenter(active));
    List<BlackoutSample> measured = new ArrayList<>();
    for (int i = 0; i < policies.size(); i++) {
      FailoverPolicyStatus status =
          policies
              .get(i)
              .await(
                  "failed over away from " + active,
                  s ->
                      s.getCurrentStep() == null
                          && s.getLastFailover() != null
                          && active.equals(s.getLastFailover().getFrom())
                          && Instant.parse(s.getLastFailover().getDetectedAt()).isAfter(cut),
                  SETTLE);
      measured.add(BlackoutSample.of(run, STANDBYS.get(i), kind, cut, status.getLastFailover()));
    }
    kind.restore(world.dataCenter(active));
    steeredAway.forEach(exclusions::clear);
    for (PolicyWatch policy : policies) {
      policy.await(
          "fenced " + active,
          s -> s.getAwaitingFence() == null || s.getAwaitingFence().isEmpty(),
          SETTLE);
    }
    world.awaitDataCenterPhase(active, DataCenterPhase.Healthy, SETTLE);
    for (String dataCenter : steeredAway) {
      world.awaitDataCenterPhase(dataCenter, DataCenterPhase.Healthy, SETTLE);
    }
    return measured;
  }

  private static String activeOf(PolicyWatch policy) {
    return policy
        .await("placed", s -> s.getActiveDataCenter() != null && s.getCurrentStep() == null, SETTLE)
        .getActiveDataCenter();
  }

  /** Default detection; only the probation is shortened so a restored data center soon counts. */
  private static List<DataCenterPlan> plans() {
    ProbeSpec probe = new ProbeSpec();
    probe.setProbation("5s");
    return DataCenterPlan.defaults().stream().map(plan -> plan.withProbe(probe)).toList();
  }

  private String report(List<BlackoutSample> samples, OperatorProcess operator) {
    StringBuilder table = new StringBuilder();
    table.append("| standby | cut | runs | measure | p50 | p95 | p99 | max |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    for (String standby : STANDBYS) {
      for (CutKind cut : cuts.stream().distinct().toList()) {
        List<BlackoutSample> mine =
            samples.stream()
                .filter(sample -> sample.standby().equals(standby) && sample.cut() == cut)
                .toList();
        if (mine.isEmpty()) {
          continue;
        }
        row(table, standby, cut, mine, "RTO (cut → DNSEndpoint read back)", BlackoutSample::rtoMs);
        row(
            table,
            standby,
            cut,
            mine,
            "detection (cut → move decided)",
            BlackoutSample::detectionMs);
        row(table, standby, cut, mine, "beyond detection", BlackoutSample::beyondMs);
      }
    }
    table.append("\nRTO (cut → DNSEndpoint read back) by the data center cut:\n\n");
    table.append("| standby | cut | data center cut → moved to | runs | p50 | p95 | p99 | max |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    samples.stream()
        .collect(
            Collectors.groupingBy(
                sample ->
                    String.join(
                        " | ",
                        sample.standby(),
                        sample.cut().name(),
                        sample.from() + " → " + sample.to()),
                TreeMap::new,
                Collectors.mapping(BlackoutSample::rtoMs, Collectors.toList())))
        .forEach((cells, rtos) -> table.append(percentileRow(cells, Percentiles.of(rtos))));
    table.append("\nTriggers (the rule that decided each move):\n");
    samples.stream()
        .collect(
            Collectors.groupingBy(
                sample -> sample.cut() + " " + sample.trigger(),
                TreeMap::new,
                Collectors.counting()))
        .forEach(
            (trigger, count) ->
                table.append("- ").append(trigger).append(": ").append(count).append('\n'));
    if (samples.size() / STANDBYS.size() / Math.max(1, cuts.stream().distinct().count()) < 100) {
      table.append("\nWith fewer than 100 samples in a row, p99 is its maximum.\n");
    }
    table.append(
        String.format(
            Locale.ROOT, "%nOperator peak RSS: %s%n", OperatorMemory.peakRss(operator.pid())));
    return table.toString();
  }

  private static void row(
      StringBuilder table,
      String standby,
      CutKind cut,
      List<BlackoutSample> samples,
      String measure,
      ToLongFunction<BlackoutSample> value) {
    Percentiles p = Percentiles.of(samples.stream().map(value::applyAsLong).toList());
    table.append(percentileRow(String.join(" | ", standby, cut.name()), p, measure));
  }

  /** A Markdown row: the leading cells, the count, then p50, p95, p99 and max in seconds. */
  private static String percentileRow(String cells, Percentiles p, String... between) {
    StringBuilder row = new StringBuilder("| ").append(cells).append(" | ").append(p.count());
    for (String cell : between) {
      row.append(" | ").append(cell);
    }
    return row.append(
            String.format(
                Locale.ROOT,
                " | %.2f s | %.2f s | %.2f s | %.2f s |%n",
                p.p50() / 1000.0,
                p.p95() / 1000.0,
                p.p99() / 1000.0,
                p.max() / 1000.0))
        .toString();
  }
}
