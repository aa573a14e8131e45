package dev.failover.e2e;

import static dev.failover.e2e.BlackoutChecks.CHICAGO;
import static dev.failover.e2e.BlackoutChecks.SETTLE;
import static dev.failover.e2e.BlackoutChecks.SOON;
import static dev.failover.e2e.BlackoutChecks.TORONTO;
import static dev.failover.e2e.BlackoutChecks.WASHINGTON;
import static dev.failover.e2e.BlackoutChecks.lastBefore;
import static dev.failover.e2e.BlackoutChecks.replicaChanges;
import static dev.failover.e2e.BlackoutChecks.settledIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.FailoverTimeline.Observed;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash anywhere. The first test kills the operator three times during one blackout failover and
 * restarts it each time:
 *
 * <ol>
 *   <li>by its crash-point hook, after it announced the failover (FailoverStarted) and before it
 *       persisted anything of it: the restarted operator starts the same move and does not announce
 *       it a second time;
 *   <li>while the persisted step is AwaitTargetAvailable: the warm standby in Chicago has been
 *       scaled up but is slow to become Available ({@code minReadySeconds}), so the failover is
 *       still under way when the operator dies;
 *   <li>after the failover, while Toronto awaits its fence; Toronto then returns while no operator
 *       runs, so it serves at full size until the next operator fences it.
 * </ol>
 *
 * <p>Each restarted operator goes on from the persisted step: the failover completes once, with one
 * history record and its RTO measured from the original blackout, and ends with exactly one active
 * data center that status, DNS and the workloads agree on.
 *
 * <p>The second test is the sweep: for crash point N, the operator dies just before the N-th step
 * (an Event, a status write, a call to a data center or DNS) of a blackout failover, a fresh one
 * finishes it, and then the same for a manual failback. Every run ends with exactly one active data
 * center, one history record per move and no Event told twice. CI runs the points in {@link
 * #CI_CRASH_POINTS}; {@code FAILOVER_E2E_CRASH_SWEEP=full} runs every point, until the operator
 * survives both moves (about a minute per point).
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCrashDuringFailoverE2E {
  private static final String NAMESPACE = "e2e-crash";

  /**
   * Longer than an operator restart takes on a busy machine, so the second kill lands before
   * Chicago can be Available.
   */
  private static final int MIN_READY_SECONDS = 20;

  private static final Duration AVAILABLE_WITHIN = Duration.ofSeconds(MIN_READY_SECONDS + 30);

  /**
   * Crash points CI runs: after the first Event, before the first status write; mid-move, around
   * the traffic switch; and late, around the record. The full sweep covers every point.
   */
  static final List<Integer> CI_CRASH_POINTS = List.of(2, 7, 10);

  /**
   * More steps than any move has; the full sweep stops earlier, at the first point past the end.
   */
  private static final int MAX_CRASH_POINT = 40;

  private static final Duration CRASH_WITHIN = Duration.ofSeconds(90);

  /**
   * A move that spans an operator restart: on a machine shared with other test runs, a restart
   * alone took 45 s.
   */
  private static final Duration MOVE_WITHIN = Duration.ofSeconds(90);

  private FailoverWorld world;
  private OperatorProcess operator;
  private final PolicyDraft policy =
      PolicyDraft.of(NAMESPACE, "crash")
          .withStandby(StandbyMode.Warm)
          .withManualFailback()
          .withMinReadySeconds(MIN_READY_SECONDS);
  private final PolicyDraft sweepPolicy =
      PolicyDraft.of(NAMESPACE, "sweep").withStandby(StandbyMode.Warm).withManualFailback();
  private FailoverTimeline timeline;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    // One-second probe timeouts: restarting operators load the machine, and 500 ms ones flap there.
    world = FailoverWorld.start(testbed, FastProbes.plans());
    operator = world.operator();
  }

  @AfterEach
  void removeThePolicy() {
    if (timeline != null) {
      timeline.close();
    }
    if (!operator.isAlive()) {
      operator = world.operator();
    }
    policy.deleteFrom(world);
    sweepPolicy.deleteFrom(world);
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void killedMidFailoverTheOperatorResumesFromThePersistedStepAndEndsWithOneActiveDataCenter() {
    BlackoutChecks.awaitAllHealthy(world);
    timeline = FailoverTimeline.start(world, policy).withDiagnostics(() -> operator.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, policy, timeline);
    PolicyWatch watch = policy.applyTo(world);
    checks.settledInToronto();
    operator.stop();
    operator = withCrashPoint(2, "Blackout");

    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long outageMark = timeline.mark();
    timeline.disconnect(TORONTO);
    toronto.stop();
    AtomicBoolean down = new AtomicBoolean(true);
    try {
      // Kill 1: the crash-point hook stops the operator after FailoverStarted, before the move's
      // first status write (crash point 2 of a blackout failover).
      timeline.awaitEvent("FailoverStarted", outageMark, MOVE_WITHIN);
      String killedBefore = awaitCrash(operator);
      assertThat(killedBefore).as("where kill 1 landed").startsWith("status write");
      FailoverPolicyStatus atKill1 = watch.status().orElseThrow();
      assertThat(settledIn(atKill1, TORONTO))
          .as(timeline.explain("nothing of the move persisted at kill 1: " + atKill1))
          .isTrue();
      assertThat(timeline.events("FailoverStarted")).hasSize(1);

      // Kill 2: a restarted operator, the failover persisted at AwaitTargetAvailable.
      long restart1Mark = timeline.mark();
      operator = world.operator();
      // The new operator probes (Toronto's failure count goes on) and so reconciles the policy.
      timeline.awaitDataCenter(
          TORONTO,
          "probed by the restarted operator",
          restart1Mark,
          s -> s.getPhase() == DataCenterPhase.Unreachable,
          SOON);
      timeline.awaitStatus(
          "failing over, awaiting Chicago",
          outageMark,
          s ->
              s.getPhase() == FailoverPhase.FailingOver
                  && s.getCurrentStep() == FailoverStep.AwaitTargetAvailable,
          SETTLE);
      long kill2Mark = timeline.mark();
      operator.kill();
      FailoverPolicyStatus atKill2 = watch.status().orElseThrow();
      System.out.printf("Kill 2: persisted step %s%n", atKill2.getCurrentStep());
      assertMidFailover(atKill2, EnumSet.of(FailoverStep.AwaitTargetAvailable));
      assertThat(FailoverTimeline.available(checks.deployment(CHICAGO)))
          .as(
              timeline.explain(
                  "Chicago is not Available yet at kill 2, so the failover is under way"))
          .isFalse();
      assertThat(checks.deployment(CHICAGO).getSpec().getReplicas())
          .as("the warm standby was scaled up before the kill")
          .isEqualTo(PolicyDraft.REPLICAS);

      operator.restart();
      FailoverPolicyStatus failedOver =
          timeline
              .awaitStatus(
                  "active in chicago", kill2Mark, s -> settledIn(s, CHICAGO), AVAILABLE_WITHIN)
              .value();

      // Resumed, not restarted: no second announcement, the same move, one record.
      assertThat(timeline.events("FailoverStarted").stream().filter(e -> e.seq() > kill2Mark))
          .as(timeline.explain("no FailoverStarted after the restart from AwaitTargetAvailable"))
          .isEmpty();
      assertThat(timeline.events("FailoverStarted").stream().filter(e -> e.seq() > outageMark))
          .as(
              timeline.explain(
                  "FailoverStarted once, though kill 1 came after it, before the write"))
          .hasSize(1);
      assertThat(
              timeline.statuses().stream()
                  .filter(o -> o.seq() > kill2Mark && o.value().getInFlight() != null)
                  .map(o -> o.value().getInFlight().getStartedAt()))
          .as(timeline.explain("the move in flight after the restart is the one persisted"))
          .isNotEmpty()
          .allMatch(atKill2.getInFlight().getStartedAt()::equals);
      assertThat(failedOver.getHistory()).as(timeline.explain("one record")).hasSize(1);
      FailoverRecord record = failedOver.getHistory().get(0);
      assertThat(record.getFrom()).isEqualTo(TORONTO);
      assertThat(record.getTo()).isEqualTo(CHICAGO);
      assertThat(record.getReason()).isEqualTo("Blackout");
      assertThat(record.getDetectedAt()).isEqualTo(atKill2.getInFlight().getDetectedAt());
      Observed<DataCenterStatus> unreachable =
          timeline.awaitDataCenter(
              TORONTO,
              "Unreachable",
              outageMark,
              s -> s.getPhase() == DataCenterPhase.Unreachable,
              SOON);
      assertThat(record.getDetectedAt())
          .as("the RTO runs from the blackout, across both restarts")
          .isEqualTo(unreachable.value().getLastTransitionTime());
      assertThat(failedOver.getAwaitingFence()).containsExactly(TORONTO);
      Observed<List<String>> switched =
          timeline.awaitDns(
              "at chicago", outageMark, List.of(checks.ingress(CHICAGO))::equals, SOON);
      assertThat(lastBefore(timeline.deployment(CHICAGO), switched.seq()))
          .as(timeline.explain("Chicago when DNS moved to it"))
          .hasValueSatisfying(d -> assertThat(FailoverTimeline.available(d.value())).isTrue());
      System.out.printf(
          "Failover completed across two operator restarts; measured RTO %d ms%n",
          record.getMeasuredRtoMillis());

      // Kill 3: nobody watches while Toronto returns.
      operator.kill();
      long returnMark = timeline.mark();
      toronto.start();
      down.set(false);
      timeline.reconnect(TORONTO);
      Observed<Deployment> asItCameBack =
          timeline.awaitDeployment(TORONTO, "seen again", returnMark, d -> true, SOON);
      assertThat(FailoverTimeline.replicas(asItCameBack.value()))
          .as("Toronto comes back serving at full size: nobody fenced it while it was away")
          .isEqualTo(PolicyDraft.REPLICAS);
      operator.restart();

      Observed<FailoverPolicyStatus> fenced = checks.torontoFencedOnReturn(returnMark);
      checks.torontoUnusedUntilFenced(fenced, returnMark);
    } finally {
      if (down.get()) {
        toronto.start();
      }
    }

    // Exactly one active data center, and everything agrees on it.
    FailoverPolicyStatus end = watch.status().orElseThrow();
    assertThat(settledIn(end, CHICAGO)).as(timeline.explain("settled in Chicago: " + end)).isTrue();
    assertThat(end.getDnsTarget()).isEqualTo(checks.ingress(CHICAGO));
    assertThat(watch.dnsTargets()).containsExactly(checks.ingress(CHICAGO));
    assertThat(FailoverTimeline.available(checks.deployment(CHICAGO))).isTrue();
    assertThat(watch.replicas(TORONTO, policy.deployment())).as("Toronto fenced").isZero();
    assertThat(watch.replicas(WASHINGTON, policy.deployment())).as("a warm standby").isZero();
    assertThat(end.getHistory()).hasSize(1);
    assertThat(end.getAwaitingFence()).isEmpty();
    assertThat(replicaChanges(timeline.deployment(TORONTO), o -> true))
        .as(timeline.explain("Toronto: active, then fenced, and a warm standby since"))
        .containsExactly(PolicyDraft.REPLICAS, 0);
    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
    System.out.println(timeline.describe());
  }

  /**
   * Sweeps crash points: for each, a blackout failover and then a manual failback, each with an
   * operator that dies just before that step of the move, finished by a fresh operator.
   */
  @Test
  void aCrashBeforeAnyStepOfAFailoverOrAFailbackEndsWithOneActiveDataCenter() {
    BlackoutChecks.awaitAllHealthy(world);
    timeline =
        FailoverTimeline.start(world, sweepPolicy).withDiagnostics(() -> operator.logTail(80));
    BlackoutChecks checks = new BlackoutChecks(world, sweepPolicy, timeline);
    PolicyWatch watch = sweepPolicy.applyTo(world);
    checks.settledInToronto();
    boolean full = "full".equals(System.getenv("FAILOVER_E2E_CRASH_SWEEP"));
    List<Integer> points =
        full ? IntStream.rangeClosed(1, MAX_CRASH_POINT).boxed().toList() : CI_CRASH_POINTS;
    int moves = 0;
    for (int point : points) {
      boolean crashedInFailover = failOverWithCrashAt(point, checks, watch, ++moves);
      boolean crashedInFailback = failBackWithCrashAt(point, checks, watch, ++moves);
      System.out.printf(
          "Crash point %d: failover %s, failback %s%n",
          point,
          crashedInFailover ? "crashed and recovered" : "completed (past its last step)",
          crashedInFailback ? "crashed and recovered" : "completed (past its last step)");
      if (full && !crashedInFailover && !crashedInFailback) {
        break;
      }
    }
    assertThat(moves).as("the sweep ran").isPositive();
    checks.neverTwoActive();
    assertThat(timeline.problems()).isEmpty();
  }

  /** Returns whether the operator crashed during the failover. */
  private boolean failOverWithCrashAt(
      int point, BlackoutChecks checks, PolicyWatch watch, int movesSoFar) {
    operator.stop();
    operator = withCrashPoint(point, "Blackout");
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    long mark = timeline.mark();
    timeline.disconnect(TORONTO);
    toronto.stop();
    boolean crashed;
    try {
      crashed = crashedOrSettled(watch, CHICAGO);
      timeline.awaitStatus("active in chicago", mark, s -> settledIn(s, CHICAGO), MOVE_WITHIN);
    } finally {
      toronto.start();
    }
    timeline.reconnect(TORONTO);
    FailoverPolicyStatus end =
        timeline
            .awaitStatus(
                "Toronto fenced, active in chicago",
                mark,
                s -> settledIn(s, CHICAGO) && s.getAwaitingFence().isEmpty(),
                MOVE_WITHIN)
            .value();
    String run = "crash point " + point + " of the failover";
    assertOneActive(end, CHICAGO, checks, run);
    assertThat(end.getHistory())
        .as(run + ": one record per move")
        .hasSize(Math.min(movesSoFar, FailoverPolicyStatus.HISTORY_LIMIT));
    assertThat(end.getHistory().get(0).getType()).isEqualTo(FailoverType.Failover);
    timeline.awaitEvent("Fenced", mark, SOON);
    for (String reason :
        List.of("FailoverStarted", "FenceDeferred", "FailoverCompleted", "Fenced")) {
      assertThat(timeline.events(reason).stream().filter(e -> e.seq() > mark))
          .as(timeline.explain(run + ": " + reason + " told once"))
          .hasSize(1);
    }
    return crashed;
  }

  /** Returns whether the operator crashed during the failback. */
  private boolean failBackWithCrashAt(
      int point, BlackoutChecks checks, PolicyWatch watch, int movesSoFar) {
    world.awaitDataCenterPhase(TORONTO, DataCenterPhase.Healthy, SETTLE);
    operator.stop();
    operator = withCrashPoint(point, "ManualFailback");
    long mark = timeline.mark();
    world.apply(sweepPolicy.withFailback("failback-" + point).build());
    boolean crashed = crashedOrSettled(watch, TORONTO);
    FailoverPolicyStatus end =
        timeline
            .awaitStatus("active in toronto", mark, s -> settledIn(s, TORONTO), MOVE_WITHIN)
            .value();
    String run = "crash point " + point + " of the failback";
    assertOneActive(end, TORONTO, checks, run);
    timeline.awaitDeployment(
        CHICAGO, "a warm standby again", mark, d -> FailoverTimeline.replicas(d) == 0, SETTLE);
    assertThat(end.getHistory())
        .as(run + ": one record per move")
        .hasSize(Math.min(movesSoFar, FailoverPolicyStatus.HISTORY_LIMIT));
    assertThat(end.getHistory().get(0).getType()).isEqualTo(FailoverType.Failback);
    for (String reason : List.of("FailbackStarted", "FailbackCompleted")) {
      assertThat(timeline.events(reason).stream().filter(e -> e.seq() > mark))
          .as(timeline.explain(run + ": " + reason + " told once"))
          .hasSize(1);
    }
    return crashed;
  }

  /**
   * Waits until the operator crashes at its crash point, then starts a fresh one; or until the move
   * settles in {@code dataCenter} without a crash (the point lies past the move's last step).
   */
  private boolean crashedOrSettled(PolicyWatch watch, String dataCenter) {
    Instant giveUp = Instant.now().plus(CRASH_WITHIN);
    while (operator.isAlive()) {
      if (watch.status().map(s -> settledIn(s, dataCenter)).orElse(false)) {
        return false;
      }
      assertThat(Instant.now())
          .as(timeline.explain("the operator crashes or the move settles in " + dataCenter))
          .isBefore(giveUp);
      Sleep.of(Duration.ofMillis(100));
    }
    String killedBefore = crashLine(operator);
    System.out.printf("Operator crashed before %s%n", killedBefore);
    operator = world.operator();
    return true;
  }

  /** Status, DNS and the workloads agree on exactly one active data center. */
  private void assertOneActive(
      FailoverPolicyStatus end, String active, BlackoutChecks checks, String run) {
    assertThat(settledIn(end, active))
        .as(timeline.explain(run + ": settled in " + active))
        .isTrue();
    assertThat(end.getDnsTarget()).isEqualTo(checks.ingress(active));
    timeline.awaitDns("at " + active, List.of(checks.ingress(active))::equals, SOON);
    assertThat(timeline.dns().get(timeline.dns().size() - 1).value())
        .as(run + ": DNS names only " + active)
        .containsExactly(checks.ingress(active));
    assertThat(FailoverTimeline.available(checks.deployment(active))).as(run).isTrue();
  }

  /** An operator whose crash-point hook kills it before step {@code point} of a move. */
  private OperatorProcess withCrashPoint(int point, String during) {
    List<String> options = new ArrayList<>(world.operatorLaunch().jvmOptions());
    options.add("-Dfailover.fault.killBeforeAction=" + point);
    options.add("-Dfailover.fault.killDuring=" + during);
    return world.operator(world.operatorLaunch().withJvmOptions(options));
  }

  /** Waits for the crash-point hook to kill the operator; returns the step it died before. */
  private String awaitCrash(OperatorProcess crashing) {
    Instant giveUp = Instant.now().plus(CRASH_WITHIN);
    while (crashing.isAlive()) {
      assertThat(Instant.now())
          .as(timeline.explain("the operator reaches its crash point"))
          .isBefore(giveUp);
      Sleep.of(Duration.ofMillis(100));
    }
    return crashLine(crashing);
  }

  private static String crashLine(OperatorProcess crashed) {
    String marker = "killing the process before ";
    return crashed
        .logTail(200)
        .lines()
        .filter(line -> line.contains(marker))
        .reduce((first, second) -> second)
        .map(line -> line.substring(line.indexOf(marker) + marker.length()))
        .orElseThrow(
            () ->
                new AssertionError(
                    "the operator died without reaching its crash point:\n" + crashed.logTail(80)));
  }

  /** Persisted mid-failover: leaving Toronto for Chicago after a blackout, at one of the steps. */
  private void assertMidFailover(FailoverPolicyStatus status, EnumSet<FailoverStep> steps) {
    String why = timeline.explain("persisted mid-failover: " + status);
    assertThat(status.getPhase()).as(why).isEqualTo(FailoverPhase.FailingOver);
    assertThat(status.getCurrentStep()).as(why).isIn(steps);
    assertThat(status.getActiveDataCenter()).as(why).isEqualTo(TORONTO);
    assertThat(status.getInFlight()).as(why).isNotNull();
    assertThat(status.getInFlight().getFrom()).isEqualTo(TORONTO);
    assertThat(status.getInFlight().getTo()).isEqualTo(CHICAGO);
    assertThat(status.getInFlight().getReason()).isEqualTo("Blackout");
    assertThat(status.getHistory()).isEmpty();
  }
}
