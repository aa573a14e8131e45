package dev.failover.operator.policyhealth;

import dev.failover.core.health.HealthClassifier;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.health.ProbeResult;
import dev.failover.operator.probes.ProbeListener;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Judges each data center's API-server probes a second time for every policy with detection
 * settings of its own. The probes are the data center's (nothing is probed twice); only the verdict
 * is the policy's, with its own hysteresis. Exclusions are not judged here: an Excluded data center
 * is excluded for every policy.
 */
final class DetectionLenses implements ProbeListener {
  private final Clock clock;
  private final Consumer<PolicyKey> onChange;
  private final Map<String, Lens> lenses = new ConcurrentHashMap<>();

  DetectionLenses(Clock clock, Consumer<PolicyKey> onChange) {
    this.clock = clock;
    this.onChange = onChange;
  }

  /**
   * Judges the data center's probes for the policy from now on; {@code seed} only the first time.
   */
  void ensure(PolicyKey policy, String dataCenter, HealthThresholds thresholds, HealthState seed) {
    lenses.compute(
        policy.in(dataCenter),
        (key, current) ->
            current != null && current.thresholds.equals(thresholds)
                ? current
                : new Lens(thresholds, current == null ? seed : current.state));
  }

  void forget(PolicyKey policy, String dataCenter) {
    lenses.remove(policy.in(dataCenter));
  }

  Optional<HealthState> state(PolicyKey policy, String dataCenter) {
    return Optional.ofNullable(lenses.get(policy.in(dataCenter))).map(lens -> lens.state);
  }

  Set<String> keys() {
    return Set.copyOf(lenses.keySet());
  }

  @Override
  public void probed(String dataCenter, ProbeResult result, HealthState health) {
    lenses.forEach(
        (key, lens) -> {
          if (PolicyKey.dataCenterOf(key).equals(dataCenter) && lens.judge(result, clock)) {
            onChange.accept(PolicyKey.ofLoop(key));
          }
        });
  }

  private static final class Lens {
    private final HealthThresholds thresholds;
    private final HealthClassifier classifier;
    private volatile HealthState state;

    private Lens(HealthThresholds thresholds, HealthState start) {
      this.thresholds = thresholds;
      this.classifier = new HealthClassifier(thresholds);
      this.state = start;
    }

    /** True when the phase or the failure count changed. */
    private synchronized boolean judge(ProbeResult result, Clock clock) {
      HealthState before = state;
      HealthState after =
          classifier.onTick(
              classifier.onProbe(before, result, Optional.empty(), clock.instant()),
              Optional.empty(),
              clock.instant());
      state = after;
      return before.phase() != after.phase()
          || before.consecutiveFailures() != after.consecutiveFailures();
    }
  }
}
