package dev.failover.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.FailoverAction.EnsureWorkload;
import dev.failover.core.failover.FailoverAction.PointTrafficAt;
import dev.failover.core.placement.PlacementPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One decision from any situation, however odd: status read back from the API (perhaps edited by
 * hand), data centers in any phase or missing altogether, workloads in any state, any manual
 * action. The core never throws; it never picks a target that is excluded, unreachable or awaiting
 * a fence; it never scales up a reachable data center awaiting a fence; and traffic only ever
 * points at the data center the new progress calls active.
 */
class FailoverDecisionPropertyTest {
  private static final List<String> NAMES = List.of("a", "b", "c");
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private final FailoverStateMachine machine = new FailoverStateMachine();

  @Property(tries = 3000)
  void anyDecisionKeepsTheSafetyRules(@ForAll("situations") PolicySituation situation) {
    FailoverDecision decision = machine.decide(situation);

    FailoverProgress before = situation.progress();
    FailoverProgress after = decision.progress();
    InFlightFailover move = after.inFlight();
    boolean newTarget =
        move != null
            && move.to() != null
            && (before.inFlight() == null || !move.to().equals(before.inFlight().to()));
    if (newTarget) {
      assertThat(after.awaitingFence()).doesNotContain(move.to());
      assertThat(situation.phaseOf(move.to()))
          .isNotIn(DataCenterPhase.Excluded, DataCenterPhase.Unreachable, DataCenterPhase.Pending);
    }
    for (FailoverAction action : decision.actions()) {
      if (action instanceof EnsureWorkload ensure
          && ensure.replicas() == ReplicasMode.Full
          && situation.reachable(ensure.dataCenter())) {
        assertThat(after.awaitingFence()).doesNotContain(ensure.dataCenter());
      }
      if (action instanceof PointTrafficAt point) {
        assertThat(point.dataCenter()).isEqualTo(after.activeDataCenter());
      }
    }
  }

  @Provide
  Arbitrary<PolicySituation> situations() {
    Arbitrary<PolicySettings> settings =
        Combinators.combine(
                Arbitraries.of(PlacementStrategy.class),
                Arbitraries.of(StandbyMode.class),
                Arbitraries.of(FailbackMode.class),
                Arbitraries.shuffle(NAMES))
            .as(
                (strategy, standby, failback, order) ->
                    new PolicySettings(
                        new PlacementPreference(strategy, order.get(0), order.subList(1, 3)),
                        standby,
                        failback));
    Arbitrary<List<DataCenterView>> views =
        Combinators.combine(view("a"), view("b"), view("c"))
            .as(
                (a, b, c) -> {
                  List<DataCenterView> present = new ArrayList<>();
                  for (var view : List.of(a, b, c)) {
                    view.ifPresent(present::add);
                  }
                  return present;
                });
    Arbitrary<Map<String, WorkloadObservation>> workloads =
        Combinators.combine(workload(), workload(), workload())
            .as(
                (a, b, c) -> {
                  Map<String, WorkloadObservation> found = new HashMap<>();
                  a.ifPresent(w -> found.put("a", w));
                  b.ifPresent(w -> found.put("b", w));
                  c.ifPresent(w -> found.put("c", w));
                  return found;
                });
    Arbitrary<ManualAction> action =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.of(NAMES).map(target -> ManualAction.failoverTo("x1", target)),
            Arbitraries.just(ManualAction.failback("x2")));
    return Combinators.combine(progress(), settings, views, workloads, nameOrNull(), action)
        .as(
            (progress, policySettings, seen, found, traffic, manual) ->
                new PolicySituation(progress, policySettings, seen, found, traffic, manual, NOW));
  }

  private static Arbitrary<FailoverProgress> progress() {
    Arbitrary<InFlightFailover> inFlight =
        Combinators.combine(
                nameOrNull(),
                nameOrNull(),
                Arbitraries.of(FailoverReason.class),
                Arbitraries.of(true, false))
            .as(
                (from, to, reason, completed) ->
                    new InFlightFailover(
                        from,
                        to,
                        reason,
                        NOW.minusSeconds(30),
                        NOW.minusSeconds(20),
                        completed ? NOW.minusSeconds(5) : null));
    return Combinators.combine(
            Arbitraries.of(FailoverPhase.class),
            nameOrNull(),
            Arbitraries.of(FailoverReason.class).injectNull(0.3),
            Arbitraries.of(FailoverStep.class).injectNull(0.4),
            inFlight.injectNull(0.4),
            Arbitraries.of(NAMES).set().ofMaxSize(3),
            Arbitraries.of("x1", "x2").injectNull(0.6))
        .as(
            (phase, active, reason, step, move, fence, handled) ->
                new FailoverProgress(
                    phase, active, reason, step, move, handled, Set.copyOf(fence)));
  }

  private static Arbitrary<java.util.Optional<DataCenterView>> view(String name) {
    return Combinators.combine(
            Arbitraries.of(DataCenterPhase.class),
            Arbitraries.integers().between(0, 3600),
            Arbitraries.longs().between(1, 500).injectNull(0.2),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, true, true, false))
        .as(
            (phase, age, latency, spare, reachable, exists) ->
                exists
                    ? java.util.Optional.of(
                        new DataCenterView(
                            name,
                            phase,
                            NOW.minusSeconds(age),
                            latency == null ? null : Duration.ofMillis(latency),
                            spare,
                            reachable))
                    : java.util.Optional.empty());
  }

  private static Arbitrary<java.util.Optional<WorkloadObservation>> workload() {
    return Arbitraries.of(
        java.util.Optional.empty(),
        java.util.Optional.of(WorkloadObservation.absent()),
        java.util.Optional.of(WorkloadObservation.scaledDown()),
        java.util.Optional.of(WorkloadObservation.running(3, true)),
        java.util.Optional.of(WorkloadObservation.running(3, false)));
  }

  private static Arbitrary<String> nameOrNull() {
    return Arbitraries.of(NAMES).injectNull(0.25);
  }
}
