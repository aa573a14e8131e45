package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.e2e.PolicyWatch;
import dev.failover.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures RTO over repeated blackouts with the default detection settings: a Hot and a Warm policy
 * share the active data center, its control plane is stopped, and both fail over. The cut data
 * center is restarted and the next blackout hits wherever the workloads went, so no run waits for a
 * failback. Reports percentiles of the RTO, of detection and of the time beyond it.
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
      for (String standby : STANDBYS) {
        policy(standby).applyTo(world);
      }
      for (int run = 1; run <= runs; run++) {
        samples.addAll(blackout(world));
        BlackoutSample last = samples.get(samples.size() - 1);
        System.out.printf(
            Locale.ROOT,
            "run %2d/%d: %s -> %s  %s%n",
            run,
            runs,
            last.from(),
            last.to(),
            samples.subList(samples.size() - STANDBYS.size(), samples.size()).stream()
                .map(
                    s ->
                        s.standby()
                            + " RTO "
                            + s.rtoMs()
                            + "ms (detection "
                            + s.detectionMs()
                            + "ms)")
                .toList());
      }
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
  private List<BlackoutSample> blackout(FailoverWorld world) {
    List<PolicyWatch> policies =
        STANDBYS.stream().map(s -> new PolicyWatch(world, NAMESPACE, policy(s).name())).toList();
    String active =
        policies.get(0).awaitActiveIn(activeOf(policies.get(0)), SETTLE).getActiveDataCenter();
    for (PolicyWatch policy : policies) {
      policy.awaitActiveIn(active, SETTLE);
    }
    Instant cut = Instant.now();
    world.dataCenter(active).stop();
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
      measured.add(BlackoutSample.of(STANDBYS.get(i), cut, status.getLastFailover()));
    }
    world.dataCenter(active).start();
    for (PolicyWatch policy : policies) {
      policy.await(
          "fenced " + active,
          s -> s.getAwaitingFence() == null || s.getAwaitingFence().isEmpty(),
          SETTLE);
    }
    world.awaitDataCenterPhase(active, DataCenterPhase.Healthy, SETTLE);
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
    table.append("| standby | runs | measure | p50 | p95 | p99 | max |\n");
    table.append("|---|---|---|---|---|---|---|\n");
    for (String standby : STANDBYS) {
      List<BlackoutSample> mine =
          samples.stream().filter(sample -> sample.standby().equals(standby)).toList();
      row(table, standby, mine, "RTO (cut → traffic on the new DC)", BlackoutSample::rtoMs);
      row(table, standby, mine, "detection (cut → Unreachable)", BlackoutSample::detectionMs);
      row(table, standby, mine, "beyond detection", BlackoutSample::beyondMs);
    }
    table.append(
        String.format(
            Locale.ROOT, "%nOperator peak RSS: %s%n", OperatorMemory.peakRss(operator.pid())));
    return table.toString();
  }

  private static void row(
      StringBuilder table,
      String standby,
      List<BlackoutSample> samples,
      String measure,
      ToLongFunction<BlackoutSample> value) {
    Percentiles p = Percentiles.of(samples.stream().map(value::applyAsLong).toList());
    table.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %.2f s | %.2f s | %.2f s | %.2f s |%n",
            standby,
            p.count(),
            measure,
            p.p50() / 1000.0,
            p.p95() / 1000.0,
            p.p99() / 1000.0,
            p.max() / 1000.0));
  }
}
