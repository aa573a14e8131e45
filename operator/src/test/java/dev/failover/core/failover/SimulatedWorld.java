package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A small world for the state machine: data centers whose phase the test sets, a workload per data
 * center that becomes Available one second after it is scaled up, and a DNS record. {@link #step()}
 * is one reconcile: decide, execute every action, persist, one second passes. {@link #crash}
 * executes only some actions and persists nothing.
 */
final class SimulatedWorld {
  static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  static final int REPLICAS = 3;

  private final FailoverStateMachine machine = new FailoverStateMachine();
  private PolicySettings settings;
  private final Map<String, DataCenterView> views = new LinkedHashMap<>();
  private final Map<String, Deployment> deployments = new HashMap<>();
  private String traffic;
  private FailoverProgress progress = FailoverProgress.initial();
  private ManualAction action;
  private Instant now = T0;
  private final List<FailoverRecord> history = new ArrayList<>();
  private final List<Emit> events = new ArrayList<>();
  private FailoverDecision lastDecision;
  private final Set<String> neverAvailable = new HashSet<>();
  private final Map<String, HeldOut> heldOut = new HashMap<>();
  private FailbackWait failbackWait;

  /** The workload in one data center; fullSince is null while it is scaled to zero. */
  private record Deployment(Instant fullSince) {}

  private SimulatedWorld(PolicySettings settings) {
    this.settings = settings;
    long latency = 30;
    for (String name : settings.placement().ordered()) {
      views.put(
          name,
          new DataCenterView(
              name,
              DataCenterPhase.Healthy,
              T0.minus(Duration.ofHours(1)),
              Duration.ofMillis(latency),
              true,
              true));
      latency -= 10;
    }
  }

  /** Priority over a, b, c; Warm standby; Automatic failback; all Healthy; c is the fastest. */
  static SimulatedWorld standard() {
    return of(PlacementStrategy.Priority, StandbyMode.Warm, FailbackMode.Automatic);
  }

  static SimulatedWorld of(PlacementStrategy strategy, StandbyMode standby, FailbackMode failback) {
    return new SimulatedWorld(
        new PolicySettings(PlacementPreference.of(strategy, "a", "b", "c"), standby, failback));
  }

  /** Standard world, placed in a and settled. */
  static SimulatedWorld activeInA() {
    return standard().settle();
  }

  // ---- setting up -------------------------------------------------------------------------

  SimulatedWorld settings(PolicySettings next) {
    this.settings = next;
    return this;
  }

  /** Sets the phase; Unreachable and Pending data centers are not reachable, the rest are. */
  SimulatedWorld phase(String dataCenter, DataCenterPhase phase) {
    DataCenterView view = views.get(dataCenter);
    boolean reachable = phase != DataCenterPhase.Unreachable && phase != DataCenterPhase.Pending;
    Instant since = view.phase() == phase ? view.phaseSince() : now;
    views.put(
        dataCenter,
        new DataCenterView(
            dataCenter, phase, since, view.p50Latency(), view.hasSpareCapacity(), reachable));
    return this;
  }

  /** Its DataCenter resource is deleted: the reconciler has no view of it any more. */
  SimulatedWorld deleted(String dataCenter) {
    views.remove(dataCenter);
    return this;
  }

  SimulatedWorld view(DataCenterView view) {
    views.put(view.name(), view);
    return this;
  }

  SimulatedWorld reachable(String dataCenter, boolean reachable) {
    DataCenterView v = views.get(dataCenter);
    return view(
        new DataCenterView(
            dataCenter,
            v.phase(),
            v.phaseSince(),
            v.p50Latency(),
            v.hasSpareCapacity(),
            reachable));
  }

  SimulatedWorld spareCapacity(String dataCenter, boolean spare) {
    DataCenterView v = views.get(dataCenter);
    return view(
        new DataCenterView(
            dataCenter, v.phase(), v.phaseSince(), v.p50Latency(), spare, v.reachable()));
  }

  SimulatedWorld latency(String dataCenter, long millis) {
    DataCenterView v = views.get(dataCenter);
    return view(
        new DataCenterView(
            dataCenter,
            v.phase(),
            v.phaseSince(),
            Duration.ofMillis(millis),
            v.hasSpareCapacity(),
            v.reachable()));
  }

  /** The workload runs at full size and has been Available for a long time. */
  SimulatedWorld running(String dataCenter) {
    deployments.put(dataCenter, new Deployment(T0.minus(Duration.ofHours(1))));
    return this;
  }

  SimulatedWorld scaledDown(String dataCenter) {
    deployments.put(dataCenter, new Deployment(null));
    return this;
  }

  SimulatedWorld absent(String dataCenter) {
    deployments.remove(dataCenter);
    return this;
  }

  /** The workload there scales up but never becomes Available (a bad rollout, say). */
  SimulatedWorld neverAvailable(String dataCenter) {
    neverAvailable.add(dataCenter);
    return this;
  }

  SimulatedWorld availableAgain(String dataCenter) {
    neverAvailable.remove(dataCenter);
    return this;
  }

  /** The data center is kept out of production for its restore test (failed or not passed). */
  SimulatedWorld heldOut(String dataCenter, boolean testFailed) {
    heldOut.put(
        dataCenter,
        new HeldOut(
            dataCenter,
            testFailed,
            "test-" + dataCenter,
            dataCenter + (testFailed ? " failed its restore test" : " awaits its restore test")));
    return this;
  }

  /** Its restore test passed: it is no longer held out. */
  SimulatedWorld promoted(String dataCenter) {
    heldOut.remove(dataCenter);
    return this;
  }

  /** A due automatic failback waits for a slot; null: it may start. */
  SimulatedWorld failbackWait(FailbackWait wait) {
    this.failbackWait = wait;
    return this;
  }

  SimulatedWorld traffic(String dataCenter) {
    this.traffic = dataCenter;
    return this;
  }

  SimulatedWorld progress(FailoverProgress next) {
    this.progress = next;
    return this;
  }

  SimulatedWorld action(ManualAction next) {
    this.action = next;
    return this;
  }

  SimulatedWorld advance(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  // ---- running ----------------------------------------------------------------------------

  PolicySituation situation() {
    return new PolicySituation(
            progress, settings, List.copyOf(views.values()), observations(), traffic, action, now)
        .withHeldOut(heldOut)
        .withFailbackWait(failbackWait);
  }

  /** Decides without changing anything. */
  FailoverDecision decide() {
    return machine.decide(situation());
  }

  /** One reconcile: decide, execute every action, persist the progress; a second passes. */
  FailoverDecision step() {
    FailoverDecision decision = decide();
    carryOut(decision, decision.actions().size(), true);
    return decision;
  }

  /** A reconcile that dies after executing {@code executed} actions, persisting nothing. */
  FailoverDecision crash(int executed) {
    FailoverDecision decision = decide();
    carryOut(decision, executed, false);
    return decision;
  }

  /** Executes the first {@code executed} actions, persists if asked; a second passes. */
  void carryOut(FailoverDecision decision, int executed, boolean persist) {
    decision.actions().stream().limit(executed).forEach(this::execute);
    if (persist) {
      progress = decision.progress();
      lastDecision = decision;
    }
    now = now.plusSeconds(1);
  }

  /** More steps than any move takes; a world still moving after them is stuck in a loop. */
  static final int MAX_STEPS = 30;

  /** Steps until Active with nothing in flight and traffic on the active data center. */
  SimulatedWorld settle() {
    stepUntil(SimulatedWorld::isSettled);
    return this;
  }

  /**
   * Steps until {@code done} holds after a step, at least once and at most {@value #MAX_STEPS}
   * times, returning every decision; fails rather than loop forever on a regression.
   */
  List<FailoverDecision> stepUntil(Predicate<SimulatedWorld> done) {
    List<FailoverDecision> decisions = new ArrayList<>();
    do {
      if (decisions.size() == MAX_STEPS) {
        throw new AssertionError(
            "still moving after "
                + MAX_STEPS
                + " steps: "
                + progress
                + " / "
                + lastDecision.message());
      }
      decisions.add(step());
    } while (!done.test(this));
    return decisions;
  }

  boolean isSettled() {
    return progress.phase() == FailoverPhase.Active
        && progress.inFlight() == null
        && progress.activeDataCenter().equals(traffic);
  }

  /** Steps {@code count} times, returning every decision. */
  List<FailoverDecision> steps(int count) {
    List<FailoverDecision> decisions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      decisions.add(step());
    }
    return decisions;
  }

  void execute(FailoverAction action) {
    if (action instanceof FailoverAction.EnsureWorkload ensure) {
      if (reachable(ensure.dataCenter())) {
        Deployment existing = deployments.get(ensure.dataCenter());
        boolean wasFull = existing != null && existing.fullSince() != null;
        Instant fullSince =
            ensure.replicas() == ReplicasMode.ScaledDown
                ? null
                : wasFull ? existing.fullSince() : now;
        deployments.put(ensure.dataCenter(), new Deployment(fullSince));
      }
    } else if (action instanceof FailoverAction.RemoveWorkload remove) {
      if (reachable(remove.dataCenter())) {
        deployments.remove(remove.dataCenter());
      }
    } else if (action instanceof FailoverAction.Fence fence) {
      if (reachable(fence.dataCenter()) && deployments.containsKey(fence.dataCenter())) {
        deployments.put(fence.dataCenter(), new Deployment(null));
      }
    } else if (action instanceof FailoverAction.PointTrafficAt point) {
      traffic = point.dataCenter();
    } else if (action instanceof FailoverAction.RecordFailover record) {
      boolean known = history.stream().anyMatch(entry -> entry.key().equals(record.record().key()));
      if (!known) {
        history.add(record.record());
      }
    } else if (action instanceof Emit emit) {
      events.add(emit);
    }
  }

  // ---- observing --------------------------------------------------------------------------

  Map<String, WorkloadObservation> observations() {
    Map<String, WorkloadObservation> observed = new HashMap<>();
    for (String name : views.keySet()) {
      if (!reachable(name)) {
        continue;
      }
      Deployment deployment = deployments.get(name);
      if (deployment == null) {
        observed.put(name, WorkloadObservation.absent());
      } else if (deployment.fullSince() == null) {
        observed.put(name, WorkloadObservation.scaledDown());
      } else {
        boolean available =
            !neverAvailable.contains(name) && !now.isBefore(deployment.fullSince().plusSeconds(1));
        observed.put(name, WorkloadObservation.running(REPLICAS, available));
      }
    }
    return observed;
  }

  boolean reachable(String dataCenter) {
    DataCenterView view = views.get(dataCenter);
    return view != null && view.reachable();
  }

  boolean isFull(String dataCenter) {
    Deployment deployment = deployments.get(dataCenter);
    return deployment != null && deployment.fullSince() != null;
  }

  boolean isScaledDown(String dataCenter) {
    Deployment deployment = deployments.get(dataCenter);
    return deployment != null && deployment.fullSince() == null;
  }

  boolean isAbsent(String dataCenter) {
    return !deployments.containsKey(dataCenter);
  }

  FailoverProgress progress() {
    return progress;
  }

  String traffic() {
    return traffic;
  }

  List<FailoverRecord> history() {
    return history;
  }

  List<Emit> events() {
    return events;
  }

  List<EventReason> eventReasons() {
    return events.stream().map(Emit::reason).toList();
  }

  Instant now() {
    return now;
  }

  DataCenterView viewOf(String dataCenter) {
    return views.get(dataCenter);
  }

  PolicySettings settings() {
    return settings;
  }

  FailoverDecision lastDecision() {
    return lastDecision;
  }

  /** What a person would check after the dust settles; times left out. */
  String snapshot() {
    StringBuilder text = new StringBuilder();
    text.append(progress.phase()).append(" in ").append(progress.activeDataCenter());
    text.append(", traffic ").append(traffic);
    text.append(", awaiting fence ").append(progress.awaitingFence());
    for (String name : views.keySet()) {
      text.append(", ").append(name).append('=');
      text.append(isAbsent(name) ? "absent" : isFull(name) ? "full" : "zero");
    }
    text.append(", history ");
    text.append(
        history.stream()
            .map(entry -> entry.from() + "->" + entry.to() + " " + entry.reason())
            .toList());
    return text.toString();
  }

  void assertActiveIn(String dataCenter) {
    assertThat(progress.phase()).as("phase").isEqualTo(FailoverPhase.Active);
    assertThat(progress.activeDataCenter()).as("active").isEqualTo(dataCenter);
    assertThat(progress.inFlight()).as("in flight").isNull();
    assertThat(traffic).as("traffic").isEqualTo(dataCenter);
    assertThat(isFull(dataCenter)).as("workload full in " + dataCenter).isTrue();
  }
}
