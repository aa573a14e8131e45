package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import java.util.List;

/**
 * Probe settings for end-to-end tests: a blackout is noticed after three failed half-second probes
 * (1 to 1.5 s), and a returning data center is re-admitted (Healthy) two good probes plus {@value
 * #PROBATION_SECONDS} s of probation after it answers again.
 */
public final class FastProbes {
  public static final String INTERVAL = "500ms";
  public static final String TIMEOUT = "500ms";
  public static final int FAILURE_THRESHOLD = 3;
  public static final int SUCCESS_THRESHOLD = 2;
  public static final int PROBATION_SECONDS = 3;

  private FastProbes() {}

  public static ProbeSpec spec() {
    ProbeSpec probe = new ProbeSpec();
    probe.setInterval(INTERVAL);
    probe.setTimeout(TIMEOUT);
    probe.setFailureThreshold(FAILURE_THRESHOLD);
    probe.setSuccessThreshold(SUCCESS_THRESHOLD);
    probe.setProbation(PROBATION_SECONDS + "s");
    return probe;
  }

  /** Toronto, Chicago and Washington ({@link DataCenterPlan#defaults()}), probed fast. */
  public static List<DataCenterPlan> plans() {
    return DataCenterPlan.defaults().stream().map(plan -> plan.withProbe(spec())).toList();
  }
}
