package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Where riders are read from: the hub itself, or the operator's watch of them. */
public interface RiderReads {
  Optional<SaasRider> saas(String namespace, String name);

  Optional<PaasRider> paas(String namespace, String name);

  Optional<IaasRider> iaas(String namespace, String name);

  /** Each read a GET: for callers that must see the hub's latest, such as the rider reconciler. */
  static RiderReads fromHub(KubernetesClient hub) {
    return new RiderReads() {
      @Override
      public Optional<SaasRider> saas(String namespace, String name) {
        return get(SaasRider.class, namespace, name);
      }

      @Override
      public Optional<PaasRider> paas(String namespace, String name) {
        return get(PaasRider.class, namespace, name);
      }

      @Override
      public Optional<IaasRider> iaas(String namespace, String name) {
        return get(IaasRider.class, namespace, name);
      }

      private <R extends CustomResource<?, ?>> Optional<R> get(
          Class<R> type, String namespace, String name) {
        return Optional.ofNullable(hub.resources(type).inNamespace(namespace).withName(name).get());
      }
    };
  }
}
