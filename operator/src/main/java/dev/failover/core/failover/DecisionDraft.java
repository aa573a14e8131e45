package dev.failover.core.failover;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import java.util.ArrayList;
import java.util.List;

/** The decision being built during one {@link FailoverStateMachine#decide} call. */
final class DecisionDraft {
  private final PolicySituation situation;
  private FailoverProgress progress;
  private final List<FailoverAction> notes = new ArrayList<>();

  DecisionDraft(PolicySituation situation) {
    this.situation = situation;
    this.progress = situation.progress();
  }

  PolicySituation situation() {
    return situation;
  }

  FailoverProgress progress() {
    return progress;
  }

  InFlightFailover move() {
    return progress.inFlight();
  }

  void progress(FailoverProgress next) {
    this.progress = next;
  }

  void emit(EventReason reason, String message) {
    notes.add(new FailoverAction.Emit(reason, message));
  }

  void record(FailoverRecord record) {
    notes.add(new FailoverAction.RecordFailover(record));
  }

  /** Records and Events, in the order they happened. */
  List<FailoverAction> notes() {
    return List.copyOf(notes);
  }

  /** The phase while a move with this reason is under way. */
  static FailoverPhase movingPhase(FailoverReason reason) {
    if (reason == FailoverReason.InitialPlacement) {
      return FailoverPhase.Pending;
    }
    return reason.failback() ? FailoverPhase.FailingBack : FailoverPhase.FailingOver;
  }
}
