package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.testbed.Sleep;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Polls one DataCenter's {@code status.phase} until it is one of the wanted phases. A timeout fails
 * with everything needed to see why: the last status and the operator's log tail.
 */
final class DataCenterPhaseWait {
  private static final Duration POLL = Duration.ofMillis(250);

  private final String name;
  private final Resource<DataCenter> resource;
  private final Supplier<String> operatorLog;

  DataCenterPhaseWait(String name, Resource<DataCenter> resource, Supplier<String> operatorLog) {
    this.name = name;
    this.resource = resource;
    this.operatorLog = operatorLog;
  }

  DataCenter until(Set<DataCenterPhase> phases, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String lastSeen = "nothing read yet";
    while (true) {
      try {
        DataCenter dataCenter = resource.get();
        if (dataCenter != null && phases.contains(phaseOf(dataCenter))) {
          return dataCenter;
        }
        lastSeen = describe(dataCenter);
      } catch (KubernetesClientException e) {
        lastSeen = "the hub did not answer: " + e.getMessage();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "DataCenter "
                + name
                + " did not reach "
                + phases
                + " within "
                + timeout.toMillis()
                + " ms; last seen: "
                + lastSeen
                + "\n"
                + operatorLog.get());
      }
      Sleep.of(POLL);
    }
  }

  private static DataCenterPhase phaseOf(DataCenter dataCenter) {
    return dataCenter.getStatus() == null ? null : dataCenter.getStatus().getPhase();
  }

  private static String describe(DataCenter dataCenter) {
    if (dataCenter == null) {
      return "no such DataCenter";
    }
    DataCenterStatus status = dataCenter.getStatus();
    if (status == null) {
      return "no status (has an operator reconciled it?)";
    }
    return "phase "
        + status.getPhase()
        + ", consecutiveFailures "
        + status.getConsecutiveFailures()
        + ", consecutiveSuccesses "
        + status.getConsecutiveSuccesses()
        + ", lastProbeTime "
        + status.getLastProbeTime()
        + ", message "
        + status.getMessage();
  }
}
