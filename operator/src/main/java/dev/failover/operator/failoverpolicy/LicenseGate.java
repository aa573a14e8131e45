package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.rider.FailoverPlanChecks;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The license of the policy's rider, judged before the policy may act: a policy the license does
 * not allow gets no workload, and its Ready condition says why.
 */
public interface LicenseGate {
  LicenseGate NONE =
      new LicenseGate() {
        @Override
        public List<EventSource<?, FailoverPolicy>> eventSources(
            EventSourceContext<FailoverPolicy> context) {
          return List.of();
        }

        @Override
        public Optional<Refusal> check(FailoverPolicy policy, Stream<FailoverPolicy> namespace) {
          return Optional.empty();
        }

        @Override
        public Optional<Duration> maxFailoverTime(FailoverPolicy policy) {
          return Optional.empty();
        }

        @Override
        public Optional<PoolAssignment> servicePools(FailoverPolicy policy) {
          return Optional.empty();
        }
      };

  /** Why the license refuses the policy: the Ready condition's reason and message. */
  record Refusal(String reason, String message) {}

  /** What wakes a policy when its rider changes. */
  List<EventSource<?, FailoverPolicy>> eventSources(EventSourceContext<FailoverPolicy> context);

  /**
   * @param namespace every policy in the policy's namespace, the policy among them
   */
  Optional<Refusal> check(FailoverPolicy policy, Stream<FailoverPolicy> namespace);

  /** The rider's failoverPlan.maxFailoverTime, which the policy's RTO must not exceed. */
  Optional<Duration> maxFailoverTime(FailoverPolicy policy);

  /**
   * The SLA of the policy's rider, whose credit tiers turn a month's availability into a credit;
   * empty when the rider states none.
   */
  default Optional<FailoverPlanChecks.Sla> sla(FailoverPolicy policy) {
    return Optional.empty();
  }

  /**
   * How the policy's workload falls into its rider's service pools; empty when the rider declares
   * none (or is not a PaaS rider).
   */
  Optional<PoolAssignment> servicePools(FailoverPolicy policy);
}
