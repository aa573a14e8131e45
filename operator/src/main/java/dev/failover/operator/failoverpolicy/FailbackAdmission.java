package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.FailbackSlots;
import dev.failover.core.failover.FailbackWait;
import dev.failover.core.failover.FailoverDecision;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverStateMachine;
import dev.failover.core.failover.PolicySituation;
import dev.failover.operator.observability.FailbackSlotMetrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The reconciler's side of {@link FailbackSlots}: a decision that starts an automatic failback is
 * admitted, or made again with the failback waiting, so the policy stays where it serves and says
 * why. Slots are keyed by policy UID. When a slot frees, the policies it can admit are woken at
 * once, so the waiting need not poll: hundreds of policies asking every second for ten slots flood
 * the hub with reads and status writes.
 */
public final class FailbackAdmission {
  private final FailbackSlots slots;
  private final FailbackSlotMetrics metrics;
  private final Consumer<ResourceID> wake;
  private final Map<String, ResourceID> waiting = new ConcurrentHashMap<>();

  /**
   * @param wake reconciles a policy soon
   */
  public FailbackAdmission(
      FailbackSlots slots, FailbackSlotMetrics metrics, Consumer<ResourceID> wake) {
    this.slots = slots;
    this.metrics = metrics;
    this.wake = wake;
  }

  /** A decision the slots admitted, and the wait it was made with; null when none. */
  record Admitted(FailoverDecision decision, FailbackWait failbackWait) {
    Optional<FailbackWait> waiting() {
      return Optional.ofNullable(failbackWait);
    }
  }

  /**
   * Decides from {@code situation}; if that starts an automatic failback and no slot is free,
   * decides again with the wait, which starts nothing (a failover would not have been limited).
   *
   * @param current the progress before this decision
   */
  Admitted decide(
      FailoverStateMachine machine,
      FailoverPolicy policy,
      FailoverProgress current,
      PolicySituation situation) {
    FailoverDecision decision = machine.decide(situation);
    Optional<FailbackWait> wait =
        slots.admit(policy.getMetadata().getUid(), current, decision.progress());
    FailbackSlots.slotNeeded(decision.progress())
        .or(() -> wait.map(FailbackWait::dataCenter))
        .ifPresent(dataCenter -> metrics.track(slots, dataCenter));
    String uid = policy.getMetadata().getUid();
    if (wait.isPresent()) {
      waiting.put(uid, ResourceID.fromResource(policy));
    } else {
      waiting.remove(uid);
    }
    wakeDue();
    return wait.map(w -> new Admitted(machine.decide(situation.withFailbackWait(w)), w))
        .orElseGet(() -> new Admitted(decision, null));
  }

  /**
   * Before the first decision after a start: the failbacks persisted as in flight take their slots
   * back, so the limit holds across a restart or a new leader.
   */
  void deriveOnce(Stream<FailoverPolicy> policies) {
    slots.deriveOnce(
        () -> {
          Map<String, FailoverProgress> persisted = new LinkedHashMap<>();
          policies.forEach(
              policy -> {
                try {
                  persisted.put(
                      policy.getMetadata().getUid(), PolicyProgressMapper.read(policy.getStatus()));
                } catch (IllegalArgumentException unreadable) {
                  // A hand-edited status fails that policy's own reconcile, not everyone's.
                }
              });
          return persisted;
        });
  }

  /** The policy acts no more for now (blocked) or for good (deleted). */
  void release(FailoverPolicy policy) {
    slots.release(policy.getMetadata().getUid());
    waiting.remove(policy.getMetadata().getUid());
    wakeDue();
  }

  /** Forgets the policies that are gone, by UID. */
  void retain(Set<String> policies) {
    slots.retain(policies);
    waiting.keySet().retainAll(policies);
    wakeDue();
  }

  private void wakeDue() {
    slots.dueToWake().stream().map(waiting::get).filter(id -> id != null).forEach(wake);
  }
}
