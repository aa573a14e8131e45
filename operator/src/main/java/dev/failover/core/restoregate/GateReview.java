package dev.failover.core.restoregate;

import dev.failover.api.v1alpha1.failoverpolicy.RestoreGateState;
import dev.failover.core.failover.HeldOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gates after one look: those still open (to persist), the steps to take, and what the failover
 * core must keep out of production.
 */
public record GateReview(List<Gate> gates, List<GateStep> steps) {

  /** The condition's reason when no data center is held out. */
  public static final String NONE_HELD_OUT = "NoDataCenterHeldOut";

  public GateReview {
    gates = List.copyOf(gates);
    steps = List.copyOf(steps);
  }

  /** Every open gate's data center, with what it waits for. */
  public Map<String, HeldOut> heldOut() {
    Map<String, HeldOut> held = new LinkedHashMap<>();
    for (Gate gate : gates) {
      held.put(
          gate.dataCenter(),
          new HeldOut(
              gate.dataCenter(),
              gate.state() == RestoreGateState.TestFailed,
              gate.test(),
              gate.message()));
    }
    return held;
  }

  /** Whether the RestoreTestPassed condition is True: no data center is held out. */
  public boolean passed() {
    return gates.isEmpty();
  }

  /** The condition's reason: the worst gate's state wins. */
  public String reason() {
    if (gates.stream().anyMatch(gate -> gate.state() == RestoreGateState.TestFailed)) {
      return "RestoreTestFailed";
    }
    if (gates.stream().anyMatch(gate -> gate.state() == RestoreGateState.AwaitingTest)) {
      return "AwaitingRestoreTest";
    }
    return gates.isEmpty() ? NONE_HELD_OUT : "AwaitingRestoration";
  }

  public String message() {
    return gates.isEmpty()
        ? "No data center of this policy awaits a restore test"
        : gates.stream().map(Gate::message).collect(Collectors.joining("; "));
  }
}
