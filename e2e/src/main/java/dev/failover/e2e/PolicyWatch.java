package dev.failover.e2e;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads one FailoverPolicy, its DNSEndpoint in the hub and its Deployments in the data centers, and
 * waits for them. For end-to-end tests, the demo and the benchmark.
 */
public final class PolicyWatch {
  private static final Duration POLL = Duration.ofMillis(100);

  private final FailoverWorld world;
  private final String namespace;
  private final String name;

  public PolicyWatch(FailoverWorld world, String namespace, String name) {
    this.world = world;
    this.namespace = namespace;
    this.name = name;
  }

  public FailoverPolicy policy() {
    return world.hub().resources(FailoverPolicy.class).inNamespace(namespace).withName(name).get();
  }

  public Optional<FailoverPolicyStatus> status() {
    return Optional.ofNullable(policy()).map(FailoverPolicy::getStatus);
  }

  /** Waits until the policy is Active, settled, in this data center; returns its status. */
  public FailoverPolicyStatus awaitActiveIn(String dataCenter, Duration timeout) {
    return await(
        "active in " + dataCenter,
        status ->
            status.getPhase() == FailoverPhase.Active
                && status.getCurrentStep() == null
                && dataCenter.equals(status.getActiveDataCenter()),
        timeout);
  }

  public FailoverPolicyStatus await(
      String what, Predicate<FailoverPolicyStatus> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    FailoverPolicyStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = status().orElse(null);
      if (last != null && condition.test(last)) {
        return last;
      }
      sleep();
    }
    throw new AssertionError(
        "policy "
            + namespace
            + "/"
            + name
            + " did not become "
            + what
            + " within "
            + timeout
            + "; last status: "
            + (last == null
                ? "none"
                : io.fabric8.kubernetes.client.utils.Serialization.asJson(last)));
  }

  /** The addresses the policy's DNSEndpoint points at now; empty when there is none. */
  @SuppressWarnings("unchecked")
  public List<String> dnsTargets() {
    GenericKubernetesResource record =
        world
            .hub()
            .genericKubernetesResources("externaldns.k8s.io/v1alpha1", "DNSEndpoint")
            .inNamespace(namespace)
            .withName(name)
            .get();
    if (record == null) {
      return List.of();
    }
    Map<String, Object> spec = (Map<String, Object>) record.getAdditionalProperties().get("spec");
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
    return endpoints == null || endpoints.isEmpty()
        ? List.of()
        : (List<String>) endpoints.get(0).get("targets");
  }

  /** The Deployment in the data center, read directly (not through its proxy); null if absent. */
  public Deployment deployment(String dataCenter, String deployment) {
    KubernetesClient client = world.dataCenter(dataCenter).client();
    return client.apps().deployments().inNamespace(namespace).withName(deployment).get();
  }

  /** spec.replicas of the Deployment in the data center; -1 when it does not exist. */
  public int replicas(String dataCenter, String deployment) {
    Deployment found = deployment(dataCenter, deployment);
    return found == null ? -1 : found.getSpec().getReplicas();
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
