package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Points a policy's traffic at a data center by publishing an external-dns DNSEndpoint in the hub,
 * next to the policy and named after it, so the DNS tooling users already run moves their traffic.
 * The policy owns the record: deleting the policy deletes it.
 */
public final class TrafficPublisher {
  private final KubernetesClient hub;

  public TrafficPublisher(KubernetesClient hub) {
    this.hub = hub;
  }

  /** Points the record at the data center's ingress address. Unchanged content writes nothing. */
  public void publish(FailoverPolicy policy, DataCenter dataCenter) {
    ServerSideApply.apply(hub, DnsEndpointRecord.pointingAt(policy, dataCenter));
  }

  /**
   * The data center the record points at now; empty when there is none, or when its content no
   * longer matches what {@link #publish} wrote (edited, or the policy's DNS name changed).
   */
  public Optional<String> currentTarget(FailoverPolicy policy) {
    return Optional.ofNullable(
            hub.genericKubernetesResources(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)
                .inNamespace(policy.getMetadata().getNamespace())
                .withName(policy.getMetadata().getName())
                .get())
        .flatMap(stored -> DnsEndpointRecord.dataCenterOf(stored, policy));
  }
}
