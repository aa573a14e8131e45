package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.EventReason;
import dev.failover.core.failover.FailbackSlots;
import dev.failover.core.failover.FailoverAction.Emit;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.FailoverStateMachine;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.placement.PlacementPreference;
import dev.failover.operator.observability.FailbackSlotMetrics;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Policies in b whose primary a is Healthy again: each failback is due. */
class FailbackAdmissionTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final FailoverProgress IN_B =
      FailoverProgress.initial().inPhase(FailoverPhase.Active).activeIn("b");

  private final FailoverStateMachine machine = new FailoverStateMachine();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<ResourceID> woken = new ArrayList<>();
  private final FailbackAdmission admission =
      new FailbackAdmission(new FailbackSlots(1), new FailbackSlotMetrics(registry), woken::add);

  private static PolicySituation failbackDue(FailoverProgress progress) {
    List<DataCenterView> views =
        Stream.of("a", "b")
            .map(
                name ->
                    new DataCenterView(
                        name,
                        DataCenterPhase.Healthy,
                        NOW.minus(Duration.ofHours(1)),
                        Duration.ofMillis(20),
                        true,
                        true))
            .toList();
    PolicySettings settings =
        new PolicySettings(
            PlacementPreference.of(PlacementStrategy.Priority, "a", "b"),
            StandbyMode.Warm,
            FailbackMode.Automatic);
    return new PolicySituation(progress, settings, views, Map.of(), "b", null, NOW);
  }

  private static FailoverPolicy policy(String uid) {
    FailoverPolicy policy = new FailoverPolicy();
    policy.setMetadata(
        new ObjectMetaBuilder().withNamespace("shop").withName(uid).withUid(uid).build());
    return policy;
  }

  private FailbackAdmission.Admitted decide(String uid) {
    return admission.decide(machine, policy(uid), IN_B, failbackDue(IN_B));
  }

  private double gauge(String name) {
    return registry.get(name).tag("datacenter", "a").gauge().value();
  }

  @Test
  void theFirstFailbackStartsAndTheNextWaitsWhereItServes() {
    FailbackAdmission.Admitted first = decide("p1");
    FailbackAdmission.Admitted second = decide("p2");

    assertThat(first.waiting()).isEmpty();
    assertThat(first.decision().progress().inFlight().reason())
        .isEqualTo(FailoverReason.AutomaticFailback);
    assertThat(second.waiting()).isPresent();
    assertThat(second.decision().progress()).isEqualTo(IN_B);
    assertThat(second.decision().message()).contains("1 of 1 failbacks to a in flight");
    assertThat(second.decision().actionsOf(Emit.class))
        .extracting(Emit::reason)
        .containsExactly(EventReason.FailbackDeferred);
    assertThat(gauge("failover_failbacks_in_flight")).isEqualTo(1);
    assertThat(gauge("failover_failbacks_waiting")).isEqualTo(1);
    assertThat(gauge("failover_failbacks_limit")).isEqualTo(1);
  }

  @Test
  void aWaitIsToldOnce() {
    decide("p1");
    decide("p2");

    FailbackAdmission.Admitted again = decide("p2");

    assertThat(again.waiting()).isPresent();
    assertThat(again.decision().actionsOf(Emit.class)).isEmpty();
  }

  @Test
  void aDeletedOrBlockedPolicyFreesItsSlot() {
    decide("p1");
    decide("p2");

    admission.release(policy("p1"));

    assertThat(gauge("failover_failbacks_in_flight")).isZero();
    assertThat(decide("p2").waiting()).isEmpty();
    admission.retain(Set.of());
    assertThat(gauge("failover_failbacks_in_flight")).isZero();
    assertThat(gauge("failover_failbacks_waiting")).isZero();
  }

  @Test
  void aFreedSlotWakesTheLongestWaitingPolicyAlone() {
    decide("p1");
    decide("p2");
    decide("p3");
    assertThat(woken).as("no slot is free: nobody is woken").isEmpty();

    admission.decide(machine, policy("p1"), IN_B, settledIn("a"));

    assertThat(woken).containsExactly(new ResourceID("p2", "shop"));
  }

  @Test
  void aReleasedOrDeletedHolderWakesAWaitingPolicy() {
    decide("p1");
    decide("p2");

    admission.retain(Set.of("p2"));

    assertThat(woken).containsExactly(new ResourceID("p2", "shop"));
    woken.clear();
    decide("p2");
    decide("p3");
    admission.release(policy("p2"));
    assertThat(woken).containsExactly(new ResourceID("p3", "shop"));
  }

  @Test
  void aPolicyThatNoLongerWaitsIsNotWoken() {
    decide("p1");
    decide("p2");
    admission.decide(machine, policy("p2"), IN_B, settledIn("b"));

    admission.release(policy("p1"));

    assertThat(woken).isEmpty();
  }

  /** The failback done (or no longer due): the policy serves from {@code where}, settled. */
  private static PolicySituation settledIn(String where) {
    FailoverProgress settled =
        FailoverProgress.initial().inPhase(FailoverPhase.Active).activeIn(where);
    PolicySituation due = failbackDue(settled);
    return where.equals("a")
        ? due
        : new PolicySituation(
            settled,
            new PolicySettings(
                PlacementPreference.of(PlacementStrategy.Priority, "a", "b"),
                StandbyMode.Warm,
                FailbackMode.Manual),
            due.dataCenters(),
            Map.of(),
            "b",
            null,
            NOW);
  }

  @Test
  void failbacksPersistedInFlightTakeTheirSlotsBackAfterARestart() {
    FailbackAdmission.Admitted started = decide("p1");
    FailoverPolicy persisted = policy("p1");
    persisted.setStatus(new FailoverPolicyStatus());
    PolicyProgressMapper.write(started.decision().progress(), persisted.getStatus());
    FailbackAdmission restarted =
        new FailbackAdmission(new FailbackSlots(1), new FailbackSlotMetrics(registry), id -> {});

    restarted.deriveOnce(Stream.of(persisted, policy("p2")));

    assertThat(restarted.decide(machine, policy("p2"), IN_B, failbackDue(IN_B)).waiting())
        .as("p1's failback, persisted in flight, holds the only slot")
        .isPresent();
  }
}
