package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * Probe settings that make a scenario play out in seconds: a probe a second, blackout after two
 * failures, recovery after two successes and a 3s probation. The error-rate threshold is high (50%)
 * so that one slow probe on a busy machine cannot brown a data center out; brownout scenarios set
 * their own latency threshold and window.
 */
public final class FastProbes {
  private FastProbes() {}

  public static ProbeSpec spec() {
    ProbeSpec probe = new ProbeSpec();
    probe.setInterval("1s");
    probe.setTimeout("1s");
    probe.setFailureThreshold(2);
    probe.setSuccessThreshold(2);
    probe.setProbation("3s");
    probe.setBrownoutErrorRatePercent(50.0);
    return probe;
  }

  /**
   * Half-second probes and three failures: a blackout is noticed in 1 to 1.5 s. The blackout
   * scenarios use it to keep their timelines short.
   */
  public static List<DataCenterPlan> blackoutPlans() {
    return plans(
        probe -> {
          probe.setInterval("500ms");
          probe.setTimeout("500ms");
          probe.setFailureThreshold(3);
        });
  }

  /** {@link DataCenterPlan#defaults()} probed with {@link #spec()}. */
  public static List<DataCenterPlan> plans() {
    return plans(probe -> {});
  }

  /** {@link DataCenterPlan#defaults()} probed with {@link #spec()} as changed by {@code tweak}. */
  public static List<DataCenterPlan> plans(Consumer<ProbeSpec> tweak) {
    return DataCenterPlan.defaults().stream()
        .map(
            plan -> {
              ProbeSpec probe = spec();
              tweak.accept(probe);
              return plan.withProbe(probe);
            })
        .toList();
  }
}
