package dev.failover.operator.policyhealth;

import dev.failover.core.health.HealthState;
import dev.failover.operator.probes.ProbeLoops;
import dev.failover.operator.probes.ProbeSettings;
import dev.failover.operator.probes.ProbeTarget;
import dev.failover.operator.probes.RetryingProbeTarget;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One probe loop per policy and data center where the policy's workload serves, against {@code
 * <scheme>://<ingressAddress>:<port><path>}. It remembers which endpoints have answered at least
 * once, also after their loop stopped: one that never has is a deployment problem that no failover
 * fixes, so it moves nothing; one that has, and fails again after the workload came back, does.
 */
final class WorkloadEndpointProbes implements AutoCloseable {
  private final Function<URI, ProbeTarget> targets;
  private final ProbeLoops loops;

  /** Loop key → the endpoint that answered there; a changed endpoint has not answered yet. */
  private final Map<String, URI> answered = new ConcurrentHashMap<>();

  WorkloadEndpointProbes(
      Function<URI, ProbeTarget> targets,
      Clock clock,
      Consumer<PolicyKey> onChange,
      EndpointProbeListener onProbe) {
    this.targets = targets;
    this.loops =
        new ProbeLoops(
            "workload-endpoint-probes",
            clock,
            key -> onChange.accept(PolicyKey.ofLoop(key)),
            (key, result, health) ->
                onProbe.probed(
                    PolicyKey.ofLoop(key).namespace(),
                    PolicyKey.ofLoop(key).name(),
                    PolicyKey.dataCenterOf(key),
                    result));
  }

  /**
   * Probes the endpoint from now on; {@code seed} and {@code answeredBefore} (from status, after a
   * restart) only count when it is not probed yet.
   */
  void ensure(
      PolicyKey policy,
      String dataCenter,
      EndpointTarget target,
      ProbeSettings settings,
      HealthState seed,
      boolean answeredBefore) {
    String key = policy.in(dataCenter);
    URI endpoint = target.uri();
    if (answeredBefore) {
      answered.putIfAbsent(key, endpoint);
    }
    URI known = answered.get(key);
    if (known != null && !known.equals(endpoint)) {
      answered.remove(key);
    }
    loops.watch(key, target, remembering(key, target), settings, Optional.empty(), seed);
  }

  /** Stops probing; {@code forget} also drops that the endpoint ever answered there. */
  void stop(PolicyKey policy, String dataCenter, boolean forget) {
    String key = policy.in(dataCenter);
    loops.unwatch(key);
    if (forget) {
      answered.remove(key);
    }
  }

  Optional<HealthState> state(PolicyKey policy, String dataCenter) {
    return loops.state(policy.in(dataCenter));
  }

  boolean hasAnswered(PolicyKey policy, String dataCenter) {
    return answered.containsKey(policy.in(dataCenter));
  }

  /** The keys of running loops and of endpoints remembered as having answered. */
  Set<String> keys() {
    Set<String> keys = new java.util.HashSet<>(loops.keys());
    keys.addAll(answered.keySet());
    return Set.copyOf(keys);
  }

  /**
   * Notes an answer before the loop classifies it, so nobody sees the endpoint Healthy without also
   * seeing that it answered.
   */
  private ProbeTarget remembering(String key, EndpointTarget endpointTarget) {
    URI endpoint = endpointTarget.uri();
    ProbeTarget plain = targets.apply(endpoint);
    ProbeTarget target =
        endpointTarget
            .poolRetry()
            .<ProbeTarget>map(retry -> new RetryingProbeTarget(plain, retry))
            .orElse(plain);
    return timeout ->
        target
            .probe(timeout)
            .thenApply(
                result -> {
                  if (result.ok()) {
                    answered.put(key, endpoint);
                  }
                  return result;
                });
  }

  @Override
  public void close() {
    loops.close();
  }
}
