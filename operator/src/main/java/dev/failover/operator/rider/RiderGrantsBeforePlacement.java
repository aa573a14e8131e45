package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.failoverpolicy.BeforePlacement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * Binds the policy's rider's grants in a data center, and removes revoked ones, right before the
 * policy's workload is placed there; and writes the license's per-user limits and the service
 * pools' settings into the workload. The rider reconciler does the same on its own schedule; this
 * makes the order certain: a data center that joins, or returns from an outage, never serves a
 * workload under grants older than the rider's. The rider is read from {@code riders}: in the
 * operator, the policy controller's watch of them ({@link RiderLicenseGate}), not a GET per apply.
 */
public final class RiderGrantsBeforePlacement implements BeforePlacement {
  private final HubRiders riders;

  public RiderGrantsBeforePlacement(KubernetesClient hub, RiderReads riders) {
    this.riders = new HubRiders(hub, riders);
  }

  /**
   * The license's per-user limits, written into the workload's containers and Ingresses, and each
   * service pool's timeout and retry settings into its components' containers.
   */
  @Override
  public List<GenericKubernetesResource> render(
      FailoverPolicy policy, List<GenericKubernetesResource> objects) {
    return riders
        .rendering(policy.getMetadata().getNamespace(), policy.getSpec().getRiderRef())
        .map(
            rider ->
                PoolRendering.render(
                    LicenseRendering.render(objects, rider.userLimits()), rider.servicePools()))
        .orElse(objects);
  }

  @Override
  public void prepare(FailoverPolicy policy, KubernetesClient dataCenter) {
    Optional<RiderTerms> rider =
        riders.find(policy.getMetadata().getNamespace(), policy.getSpec().getRiderRef());
    if (rider.isEmpty()) {
      return;
    }
    List<String> namespaces;
    try {
      namespaces = riders.namespaces(rider.get());
    } catch (IllegalArgumentException refused) {
      // The rider is refused and binds nothing new; its status says why.
      return;
    }
    RiderBindings.sync(
        dataCenter, rider.get(), rider.get().plan(namespaces), namespaces, List.of());
  }
}
