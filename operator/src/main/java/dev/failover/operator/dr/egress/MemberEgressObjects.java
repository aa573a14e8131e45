package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The posture objects in one member data center, through its client: whether it serves
 * CiliumNetworkPolicy, the API server's addresses, and applying, finding and deleting the objects
 * disaster-recovery mode added for a policy (found by {@link EgressLabels}, never by name alone).
 */
final class MemberEgressObjects {
  private static final String API_SERVER_NAMESPACE = "default";
  private static final String API_SERVER_SERVICE = "kubernetes";

  private final KubernetesClient member;

  MemberEgressObjects(KubernetesClient member) {
    this.member = member;
  }

  /** From discovery; a 404 (no cilium.io group) is "no". */
  boolean servesCilium() {
    try {
      APIResourceList list = member.getApiResources(CiliumPolicyRendering.API_VERSION);
      return list != null
          && list.getResources() != null
          && list.getResources().stream()
              .anyMatch(
                  resource ->
                      CiliumPolicyRendering.KIND.equals(resource.getKind())
                          && !resource.getName().contains("/"));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * The addresses pods reach the API server on ({@code kubernetes.default}'s endpoints: a policy
   * applies after the Service address is translated), read from its EndpointSlice.
   */
  List<String> apiServerAddresses() {
    EndpointSlice slice =
        member
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(API_SERVER_NAMESPACE)
            .withName(API_SERVER_SERVICE)
            .get();
    List<String> addresses = new ArrayList<>();
    if (slice != null && slice.getEndpoints() != null) {
      for (Endpoint endpoint : slice.getEndpoints()) {
        addresses.addAll(endpoint.getAddresses());
      }
    }
    return addresses;
  }

  void apply(GenericKubernetesResource object) {
    ServerSideApply.apply(member, object);
  }

  /** The policy's posture objects of one kind. */
  List<GenericKubernetesResource> ours(FailoverPolicy policy, String apiVersion, String kind) {
    return member
        .genericKubernetesResources(apiVersion, kind)
        .inNamespace(policy.getMetadata().getNamespace())
        .withLabels(EgressLabels.ofAnyPosture(policy))
        .withLabel(EgressLabels.POSTURE)
        .list()
        .getItems();
  }

  /** By kind and name: items of a list do not always say their own kind. */
  void delete(FailoverPolicy policy, String apiVersion, String kind, String name) {
    member
        .genericKubernetesResources(apiVersion, kind)
        .inNamespace(policy.getMetadata().getNamespace())
        .withName(name)
        .delete();
  }
}
