package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.RiderRef;
import dev.failover.core.pool.ServicePools;
import dev.failover.core.rider.RiderNamespaces;
import dev.failover.core.rider.UserLimits;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Riders, as {@link RiderReads} has them, and the platform team's namespace allow-lists, as the hub
 * has them now.
 */
final class HubRiders {
  private final KubernetesClient hub;
  private final RiderReads reads;

  HubRiders(KubernetesClient hub, RiderReads reads) {
    this.hub = hub;
    this.reads = reads;
  }

  /** The rider a policy names; empty if it does not exist (or is going). */
  Optional<RiderTerms> find(String namespace, RiderRef ref) {
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return Optional.empty();
    }
    return switch (ref.getKind()) {
      case SaasRider -> live(reads.saas(namespace, ref.getName())).map(RiderTerms::of);
      case PaasRider -> live(reads.paas(namespace, ref.getName())).map(RiderTerms::of);
      case IaasRider -> live(reads.iaas(namespace, ref.getName())).map(RiderTerms::of);
    };
  }

  /**
   * What the policy's workload is rendered with, from one read of its rider: the license's per-user
   * limits, and the service pools (a PaaS rider's only); empty when the rider does not exist.
   */
  Optional<Rendering> rendering(String namespace, RiderRef ref) {
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return Optional.empty();
    }
    return switch (ref.getKind()) {
      case SaasRider ->
          live(reads.saas(namespace, ref.getName()))
              .map(r -> new Rendering(RiderTerms.of(r).userLimits(), ServicePools.NONE));
      case PaasRider ->
          live(reads.paas(namespace, ref.getName()))
              .map(r -> new Rendering(RiderTerms.of(r).userLimits(), RiderServicePools.of(r)));
      case IaasRider ->
          live(reads.iaas(namespace, ref.getName()))
              .map(r -> new Rendering(RiderTerms.of(r).userLimits(), ServicePools.NONE));
    };
  }

  record Rendering(UserLimits userLimits, ServicePools servicePools) {}

  /**
   * Where the rider may grant ({@link RiderNamespaces#resolve}).
   *
   * @throws IllegalArgumentException naming the namespaces it may not grant in
   */
  List<String> namespaces(RiderTerms rider) {
    return RiderNamespaces.resolve(
        rider.namespace(), rider.declaredNamespaces(), allowedNamespaces(rider.namespace()));
  }

  /** The platform team's list for the namespace, from its annotation in the hub. */
  private Set<String> allowedNamespaces(String namespace) {
    try {
      Namespace found = hub.namespaces().withName(namespace).get();
      Map<String, String> annotations = found == null ? null : found.getMetadata().getAnnotations();
      return RiderNamespaces.parseAnnotation(
          annotations == null ? null : annotations.get(RiderNamespaces.ANNOTATION));
    } catch (KubernetesClientException e) {
      // Cannot read it: the rider grants in its own namespace only, the safe reading.
      return Set.of();
    }
  }

  /** A rider being deleted grants nothing more. */
  private static <R extends io.fabric8.kubernetes.client.CustomResource<?, ?>> Optional<R> live(
      Optional<R> rider) {
    return rider.filter(r -> r.getMetadata().getDeletionTimestamp() == null);
  }
}
