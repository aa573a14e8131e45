package dev.failover.e2e.demo;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyWatch;
import dev.failover.e2e.RepositoryFiles;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: a hub and Toronto, Chicago and Washington on loopback, the examples
 * installed, the operator as its own process, then Toronto cut, the failover, Toronto restored,
 * fenced, tested by a chaos restore test and failed back, told as a timeline with the measured RTO.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the failover demo on local data centers.")
public final class DemoMain implements Callable<Integer> {
  private static final String NAMESPACE = "shop";
  private static final String POLICY = "crm";
  private static final Duration SETTLE = Duration.ofMinutes(3);
  private static final Duration RESTORE_TEST_WITHIN = Duration.ofMinutes(12);

  @Option(names = "--work", required = true, description = "Work directory for the testbed.")
  private Path work;

  @Option(
      names = "--keep",
      description = "Keep everything running after the story, until Ctrl-C, to look around.")
  private boolean keep;

  private final Timeline timeline = new Timeline(System.out);

  /**
   * fabric8 warns once per kind that failover.dev/v1alpha1 and external-dns's v1alpha1 are
   * "unstable versions": true, known, and noise in the middle of the story. Set before the first
   * logger exists, which is when slf4j-simple reads its settings.
   */
  static final String VERSION_WARNINGS =
      "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  public static void main(String[] args) {
    System.setProperty(VERSION_WARNINGS, "error");
    System.exit(new CommandLine(new DemoMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    timeline.chapter("Starting a hub and three data centers (real Kubernetes control planes)");
    try (Testbed testbed = Testbed.start(work);
        FailoverWorld world = FailoverWorld.start(testbed, DataCenterPlan.defaults())) {
      for (DataCenterCluster dc : testbed.dataCenters()) {
        timeline.note(dc.name() + ": " + dc.apiServerUrl() + "  kubeconfig " + dc.kubeconfig());
      }
      installExamples(world);
      OperatorProcess operator = world.operator();
      timeline.note("operator pid " + operator.pid() + ", log " + operator.logFile());
      timeline.note("metrics http://127.0.0.1:" + operator.metricsPort() + "/metrics");
      PolicyWatch crm = new PolicyWatch(world, NAMESPACE, POLICY);
      try (WorldWatcher watcher = new WorldWatcher(world, crm, timeline)) {
        tell(world, crm);
      }
      printHistory(crm.status().orElseThrow());
      printEvents(world);
      if (keep) {
        lookAround(testbed, world);
      }
    }
    return 0;
  }

  private void installExamples(FailoverWorld world) {
    timeline.chapter("Installing the examples");
    for (Path file : RepositoryFiles.yamlFiles("examples")) {
      if (file.getFileName().toString().equals("exclusion-window.yaml")) {
        continue; // a scenario of its own: it takes Chicago out of service
      }
      world.applyYaml(RepositoryFiles.read(file));
      timeline.note("applied examples/" + file.getFileName());
    }
    // The example waits 5 minutes and for a passed ChaosRestoreTest before failing back; the demo
    // shortens the window so the story fits in a few minutes, and keeps the restore test.
    world
        .hub()
        .resources(FailoverPolicy.class)
        .inNamespace(NAMESPACE)
        .withName(POLICY)
        .edit(
            policy -> {
              policy.getSpec().getFailback().setStabilizationWindow("10s");
              return policy;
            });
    timeline.note("crm: failback stabilization window shortened to 10s for the demo");
    world.enableRestoreTests(NAMESPACE);
    timeline.note("member data centers: restore tests enabled for shop (test namespaces crt-*)");
  }

  private void tell(FailoverWorld world, PolicyWatch crm) {
    timeline.chapter("The SaaS CRM policy is placed in Toronto, with Chicago and Washington hot");
    crm.awaitActiveIn("toronto", SETTLE);

    timeline.chapter("Blackout: Toronto's control plane is cut");
    DataCenterCluster toronto = world.dataCenter("toronto");
    Instant cut = Instant.now();
    timeline.startClockAt(cut);
    toronto.stop();
    timeline.event("toronto stopped (connections refused from now on)");
    FailoverPolicyStatus failedOver =
        crm.await(
            "failed over away from toronto",
            status ->
                status.getCurrentStep() == null
                    && status.getActiveDataCenter() != null
                    && !status.getActiveDataCenter().equals("toronto"),
            SETTLE);
    FailoverRecord failover = failedOver.getLastFailover();
    Instant detected = Instant.parse(failover.getDetectedAt());
    Instant completed = Instant.parse(failover.getCompletedAt());
    timeline.note(
        String.format(
            "RTO %.2fs from the cut to traffic on %s: detection %.2fs, then failover %.2fs",
            Duration.between(cut, completed).toMillis() / 1000.0,
            failover.getTo(),
            Duration.between(cut, detected).toMillis() / 1000.0,
            failover.getMeasuredRtoMillis() / 1000.0));

    timeline.chapter("Restore: Toronto comes back with its data");
    toronto.start();
    timeline.event("toronto started again");
    crm.await(
        "toronto fenced",
        status -> status.getAwaitingFence() == null || status.getAwaitingFence().isEmpty(),
        SETTLE);
    timeline.event(
        "toronto's old copy of the workload was scaled to zero (fenced) before it may serve again");
    timeline.chapter(
        "Restore test: Toronto is tested in an isolated namespace before it may serve crm again");
    String test = restoreTestOf(crm);
    timeline.event("restore test " + test + " created for toronto (failback waits for it)");
    ChaosRestoreTestStatus result = awaitRestoreTest(world, test);
    for (String line : result.getReport().split("\n")) {
      timeline.note(line);
    }
    world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
    timeline.chapter("Failback after the passed test and the stabilization window");
    crm.awaitActiveIn("toronto", SETTLE);
  }

  /** The Restoration test the operator created for Toronto's return. */
  private static String restoreTestOf(PolicyWatch crm) {
    return crm
        .await(
            "a restore test for toronto",
            status ->
                status.getRestoreGates().stream()
                    .anyMatch(
                        gate -> "toronto".equals(gate.getDataCenter()) && gate.getTest() != null),
            SETTLE)
        .getRestoreGates()
        .stream()
        .filter(gate -> "toronto".equals(gate.getDataCenter()))
        .findFirst()
        .orElseThrow()
        .getTest();
  }

  private static ChaosRestoreTestStatus awaitRestoreTest(FailoverWorld world, String name) {
    Instant giveUp = Instant.now().plus(RESTORE_TEST_WITHIN);
    while (true) {
      ChaosRestoreTest test =
          world.hub().resources(ChaosRestoreTest.class).inNamespace(NAMESPACE).withName(name).get();
      ChaosRestoreTestStatus status = test == null ? null : test.getStatus();
      if (status != null
          && (status.getPhase() == ChaosTestPhase.Passed
              || status.getPhase() == ChaosTestPhase.Failed)) {
        return status;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(
            "restore test " + name + " did not end within " + RESTORE_TEST_WITHIN);
      }
      Sleep.of(Duration.ofMillis(250));
    }
  }

  private void printHistory(FailoverPolicyStatus status) {
    timeline.chapter("History (status.history)");
    for (FailoverRecord record : status.getHistory()) {
      timeline.note(
          String.format(
              "%-8s %-10s -> %-10s %-18s detected %s  RTO %dms",
              record.getType(),
              record.getFrom(),
              record.getTo(),
              record.getReason(),
              record.getDetectedAt(),
              record.getMeasuredRtoMillis()));
    }
  }

  private void printEvents(FailoverWorld world) {
    timeline.chapter("Events on the policy (kubectl describe failoverpolicy crm -n shop)");
    world.hub().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> POLICY.equals(event.getInvolvedObject().getName()))
        .sorted(
            Comparator.comparing(event -> Long.parseLong(event.getMetadata().getResourceVersion())))
        .forEach(
            event ->
                timeline.note(
                    String.format(
                        "%-7s %-18s %s", event.getType(), event.getReason(), event.getMessage())));
  }

  private void lookAround(Testbed testbed, FailoverWorld world) throws InterruptedException {
    timeline.chapter("Still running: look around, Ctrl-C to stop");
    Path kubectl = testbed.binaries().kubectl();
    Path hub = world.hubCluster().kubeconfig();
    timeline.note(kubectl + " --kubeconfig " + hub + " get failoverpolicies,datacenters -A");
    timeline.note(kubectl + " --kubeconfig " + hub + " describe failoverpolicy crm -n shop");
    Thread.currentThread().join();
  }
}
