package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** The {@link RiderReconciler} of PaasRiders. */
@ControllerConfiguration(name = "paasrider")
public final class PaasRiderReconciler extends RiderReconciler<PaasRider> {
  public PaasRiderReconciler(
      KubernetesClient hub,
      RiderGrants grants,
      ConditionEvents events,
      RiderStatusMapper status,
      RiderLicenseReport licenseReport) {
    super(
        PaasRider.class,
        RiderKind.PaasRider,
        RiderTerms::of,
        hub,
        grants,
        events,
        status,
        licenseReport);
  }
}
