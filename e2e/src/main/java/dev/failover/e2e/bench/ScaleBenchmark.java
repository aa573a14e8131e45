package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scale benchmark (issue 10): a hub and five data centers carrying a thousand policies, a third
 * of them active in Toronto. Toronto's control plane is stopped; the benchmark measures how long
 * each affected policy takes to be active elsewhere, the operator's CPU and memory at rest and
 * during the storm, and the requests the operator sends to the hub and the data centers. Toronto
 * then returns, and the failbacks of all its policies are measured the same way.
 */
@Command(
    name = "scale-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures failover at scale: many policies, one data center cut.")
public final class ScaleBenchmark implements Callable<Integer> {
  private static final List<DataCenterPlan> PLANS =
      List.of(
          new DataCenterPlan("toronto", "ca-central", 10, "10.0.0.1", Optional.empty()),
          new DataCenterPlan("chicago", "us-central", 20, "10.0.0.2", Optional.empty()),
          new DataCenterPlan("washington", "us-east", 30, "10.0.0.3", Optional.empty()),
          new DataCenterPlan("dallas", "us-south", 40, "10.0.0.4", Optional.empty()),
          new DataCenterPlan("seattle", "us-west", 50, "10.0.0.5", Optional.empty()));
  private static final Duration POLL = Duration.ofMillis(500);

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(names = "--policies", defaultValue = "1000", description = "Policies in all.")
  private int policies;

  @Option(names = "--namespaces", defaultValue = "10", description = "Namespaces they spread over.")
  private int namespaces;

  @Option(
      names = "--nodes",
      defaultValue = "12",
      description = "Fake nodes per data center (110 pods each).")
  private int nodes;

  @Option(
      names = "--idle",
      defaultValue = "PT6M",
      description =
          "How long the settled operator is measured at rest (ISO-8601): longer than the 5-minute"
              + " look at a settled policy, so every policy's look and SLA heartbeat is in it.")
  private Duration idle;

  @Option(
      names = "--jvm",
      split = " ",
      defaultValue =
          "-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError",
      description =
          "The operator's JVM options: by default as in the Helm chart's 512Mi memory limit.")
  private List<String> jvm;

  @Option(
      names = "--env",
      split = ",",
      description = "Extra operator environment, NAME=value, comma separated.")
  private List<String> env = List.of();

  @Option(names = "--deadline", defaultValue = "PT20M", description = "Bound of each phase.")
  private Duration deadline;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ScaleBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    ScaleFleet fleet =
        new ScaleFleet(policies, namespaces, PLANS.stream().map(DataCenterPlan::name).toList());
    String cut = fleet.cutDataCenter();
    StringBuilder report = new StringBuilder();
    try (Testbed testbed = Testbed.start(work);
        FailoverWorld world = FailoverWorld.start(testbed, PLANS)) {
      for (DataCenterPlan plan : PLANS) {
        testbed.scaleFakeNodes(plan.name(), nodes);
      }
      world.admitWorkloadNamespaces(fleet.namespaceNames());
      var launch = world.operatorLaunch().withJvmOptions(jvm);
      for (String variable : env) {
        int equals = variable.indexOf('=');
        launch =
            launch.withEnvironment(variable.substring(0, equals), variable.substring(equals + 1));
      }
      OperatorProcess operator = world.operator(launch);
      for (DataCenterPlan plan : PLANS) {
        world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, Duration.ofMinutes(2));
      }
      Map<String, PolicyDraft> drafts = new LinkedHashMap<>();
      fleet.drafts().forEach(draft -> drafts.put(key(draft.namespace(), draft.name()), draft));

      Instant applied = Instant.now();
      for (PolicyDraft draft : drafts.values()) {
        draft.applyTo(world);
      }
      Map<String, FailoverPolicyStatus> placed =
          await(world, "placed", drafts.keySet(), s -> settledIn(s, null), deadline);
      Duration placement = Duration.between(applied, Instant.now());
      log("all %d policies placed in %s", policies, placement);

      Sleep.of(Duration.ofSeconds(30));
      Measure rest = Measure.start(world, operator, PLANS);
      Sleep.of(idle);
      Measure.Result atRest = rest.stop();
      log("at rest: %s", atRest);

      // Read again just before the cut: a policy moved during placement may have failed back
      // to its primary since.
      Map<String, FailoverPolicyStatus> beforeCut =
          await(
              world, "settled before the cut", drafts.keySet(), s -> settledIn(s, null), deadline);
      List<String> affected =
          beforeCut.entrySet().stream()
              .filter(entry -> cut.equals(entry.getValue().getActiveDataCenter()))
              .map(Map.Entry::getKey)
              .toList();
      Instant cutAt = Instant.now();
      Measure storm = Measure.start(world, operator, PLANS);
      world.dataCenter(cut).stop();
      Map<String, FailoverPolicyStatus> settledAway =
          await(
              world,
              "failed over away from " + cut,
              affected,
              s -> settledAwayFrom(s, cut, cutAt),
              deadline);
      Measure.Result duringStorm = storm.stop();
      Map<String, FailoverRecord> movedAway = new HashMap<>();
      settledAway.forEach(
          (key, status) -> movedAway.put(key, awayFrom(status, cut, cutAt).orElseThrow()));
      log("storm: %s", duringStorm);

      Instant restoredAt = Instant.now();
      Measure flood = Measure.start(world, operator, PLANS);
      world.dataCenter(cut).start();
      Map<String, FailoverPolicyStatus> settledBack =
          await(
              world,
              "failed back to " + cut,
              affected,
              s -> settledIn(s, cut) && movedAfter(s, restoredAt),
              deadline);
      Measure.Result duringFailback = flood.stop();
      Map<String, FailoverRecord> back = new HashMap<>();
      settledBack.forEach((key, status) -> back.put(key, status.getLastFailover()));

      Path csv = work.resolve("scale-runs.csv");
      writeCsv(csv, affected, drafts, movedAway, back, cutAt, restoredAt);
      report.append(
          ScaleReport.of(
              fleet,
              drafts,
              placement,
              atRest,
              affected,
              movedAway,
              cutAt,
              duringStorm,
              back,
              restoredAt,
              duringFailback,
              ProcessUsage.of(operator.pid())));
      report.append("\nRaw samples: ").append(csv).append('\n');
    }
    System.out.println(report);
    return 0;
  }

  private static boolean settledIn(FailoverPolicyStatus status, String dataCenter) {
    return status.getPhase() == FailoverPhase.Active
        && status.getCurrentStep() == null
        && status.getActiveDataCenter() != null
        && (dataCenter == null || dataCenter.equals(status.getActiveDataCenter()));
  }

  /**
   * Settled elsewhere after a completed move away from the data center, decided after the cut; the
   * policy may have moved on again since (a data center that browned out under the storm).
   */
  private static boolean settledAwayFrom(FailoverPolicyStatus status, String from, Instant after) {
    return status.getCurrentStep() == null
        && status.getActiveDataCenter() != null
        && !from.equals(status.getActiveDataCenter())
        && awayFrom(status, from, after).isPresent();
  }

  /** The first completed move away from the data center decided after the instant. */
  static Optional<FailoverRecord> awayFrom(
      FailoverPolicyStatus status, String from, Instant after) {
    List<FailoverRecord> records = new ArrayList<>(status.getHistory());
    if (status.getLastFailover() != null) {
      records.add(status.getLastFailover());
    }
    return records.stream()
        .filter(record -> from.equals(record.getFrom()))
        .filter(record -> record.getCompletedAt() != null && record.getDetectedAt() != null)
        .filter(record -> Instant.parse(record.getDetectedAt()).isAfter(after))
        .min(java.util.Comparator.comparing(record -> Instant.parse(record.getDetectedAt())));
  }

  private static boolean movedAfter(FailoverPolicyStatus status, Instant after) {
    FailoverRecord last = status.getLastFailover();
    return last != null
        && last.getCompletedAt() != null
        && Instant.parse(last.getDetectedAt()).isAfter(after);
  }

  /**
   * Polls every policy (one list per namespace) until all of {@code keys} pass, within the bound.
   */
  private static Map<String, FailoverPolicyStatus> await(
      FailoverWorld world,
      String what,
      java.util.Collection<String> keys,
      Predicate<FailoverPolicyStatus> condition,
      Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, FailoverPolicyStatus> done = new HashMap<>();
    Instant lastLog = Instant.now();
    while (true) {
      for (FailoverPolicy policy : listPolicies(world)) {
        String key = key(policy.getMetadata().getNamespace(), policy.getMetadata().getName());
        if (keys.contains(key)
            && !done.containsKey(key)
            && policy.getStatus() != null
            && condition.test(policy.getStatus())) {
          done.put(key, policy.getStatus());
        }
      }
      if (done.size() == keys.size()) {
        return done;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            what + ": only " + done.size() + " of " + keys.size() + " within " + timeout);
      }
      if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10) {
        log("%s: %d of %d", what, done.size(), keys.size());
        lastLog = Instant.now();
      }
      Sleep.of(POLL);
    }
  }

  /**
   * Every policy, or none when the hub does not answer in time: a saturated hub may time out one
   * list of a thousand policies, and the wait is bounded by its deadline, not by one request.
   */
  private static List<FailoverPolicy> listPolicies(FailoverWorld world) {
    try {
      return world.hub().resources(FailoverPolicy.class).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      log("listing the policies failed (%s); polling again", e.getMessage());
      return List.of();
    }
  }

  private static void writeCsv(
      Path csv,
      List<String> affected,
      Map<String, PolicyDraft> drafts,
      Map<String, FailoverRecord> movedAway,
      Map<String, FailoverRecord> back,
      Instant cutAt,
      Instant restoredAt)
      throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "policy,standby,objects,to,failover_detected_at,failover_completed_at,failover_ms,"
            + "failback_detected_at,failback_completed_at,failback_ms");
    for (String key : affected) {
      FailoverRecord away = movedAway.get(key);
      FailoverRecord home = back.get(key);
      PolicyDraft draft = drafts.get(key);
      lines.add(
          String.join(
              ",",
              key,
              draft.standbyMode().name(),
              String.valueOf(
                  ScaleFleet.objectsPerWorkload(Integer.parseInt(draft.name().substring(1)))),
              away.getTo(),
              away.getDetectedAt(),
              away.getCompletedAt(),
              String.valueOf(
                  Duration.between(cutAt, Instant.parse(away.getCompletedAt())).toMillis()),
              home.getDetectedAt(),
              home.getCompletedAt(),
              String.valueOf(
                  Duration.between(restoredAt, Instant.parse(home.getCompletedAt())).toMillis())));
    }
    Files.write(csv, lines);
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "%s " + format + "%n", prepend(Instant.now(), args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** CPU, memory and API requests over a window. */
  static final class Measure {
    private final FailoverWorld world;
    private final OperatorProcess operator;
    private final List<DataCenterPlan> plans;
    private final Instant start = Instant.now();
    private final ProcessUsage usage;
    private final ApiServerRequests hub;
    private final Map<String, ApiServerRequests> members = new LinkedHashMap<>();

    private Measure(FailoverWorld world, OperatorProcess operator, List<DataCenterPlan> plans) {
      this.world = world;
      this.operator = operator;
      this.plans = plans;
      this.usage = ProcessUsage.of(operator.pid());
      this.hub = ApiServerRequests.read(world.hub());
      for (DataCenterPlan plan : plans) {
        members.put(plan.name(), read(world.dataCenter(plan.name()).client()));
      }
    }

    static Measure start(
        FailoverWorld world, OperatorProcess operator, List<DataCenterPlan> plans) {
      return new Measure(world, operator, plans);
    }

    Result stop() {
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      ProcessUsage now = ProcessUsage.of(operator.pid());
      ApiServerRequests hubNow = ApiServerRequests.read(world.hub());
      long memberRequests = 0;
      long memberThrottled = 0;
      Map<String, Long> memberCalls = new java.util.TreeMap<>();
      for (DataCenterPlan plan : plans) {
        ApiServerRequests before = members.get(plan.name());
        ApiServerRequests after = read(world.dataCenter(plan.name()).client());
        if (before != null && after != null) {
          // A data center that was stopped meanwhile restarts its counters: count from zero.
          ApiServerRequests delta =
              after.serviceAccounts() >= before.serviceAccounts() ? after.since(before) : after;
          memberRequests += delta.serviceAccounts();
          memberThrottled += delta.throttled();
          delta.byCall().forEach((call, count) -> memberCalls.merge(call, count, Long::sum));
        }
      }
      ApiServerRequests hubDelta = hubNow.since(hub);
      return new Result(
          seconds,
          ProcessUsage.corePercent(usage, now, seconds),
          now,
          hubDelta.serviceAccounts() / seconds,
          hubDelta.throttled(),
          memberRequests / seconds,
          memberThrottled,
          hubDelta.busiest(8),
          new ApiServerRequests(0, 0, 0, memberCalls).busiest(8));
    }

    private static ApiServerRequests read(KubernetesClient client) {
      try {
        return ApiServerRequests.read(client);
      } catch (RuntimeException e) {
        return null;
      }
    }

    record Result(
        double seconds,
        double cpuPercentOfCore,
        ProcessUsage usage,
        double hubRequestsPerSecond,
        long hubThrottled,
        double memberRequestsPerSecond,
        long memberThrottled,
        List<String> hubCalls,
        List<String> memberCalls) {
      @Override
      public String toString() {
        return String.format(
            Locale.ROOT,
            "%.0f s: CPU %.1f%% of a core, RSS %d MiB (peak %d MiB), hub %.1f req/s (%d 429s),"
                + " data centers %.1f req/s (%d 429s)",
            seconds,
            cpuPercentOfCore,
            usage.rssKib() / 1024,
            usage.peakRssKib() / 1024,
            hubRequestsPerSecond,
            hubThrottled,
            memberRequestsPerSecond,
            memberThrottled);
      }
    }
  }
}
