package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** The {@link RiderReconciler} of IaasRiders: their grants, and their virtual machines. */
@ControllerConfiguration(name = "iaasrider")
public final class IaasRiderReconciler extends RiderReconciler<IaasRider> {
  public IaasRiderReconciler(
      KubernetesClient hub,
      RiderGrants grants,
      ConditionEvents events,
      RiderStatusMapper status,
      RiderLicenseReport licenseReport,
      RiderMachines machines,
      RiderCapacity capacity) {
    super(
        IaasRider.class,
        RiderKind.IaasRider,
        RiderTerms::of,
        hub,
        grants,
        events,
        status,
        licenseReport,
        rider -> java.util.Optional.of(MachineTerms.of(rider)),
        machines,
        capacity);
  }
}
