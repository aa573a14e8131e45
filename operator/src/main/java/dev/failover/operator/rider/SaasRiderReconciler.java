package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;

/** The {@link RiderReconciler} of SaasRiders. */
@ControllerConfiguration(name = "saasrider")
public final class SaasRiderReconciler extends RiderReconciler<SaasRider> {
  public SaasRiderReconciler(
      KubernetesClient hub,
      RiderGrants grants,
      ConditionEvents events,
      RiderStatusMapper status,
      RiderLicenseReport licenseReport) {
    super(
        SaasRider.class,
        RiderKind.SaasRider,
        RiderTerms::of,
        hub,
        grants,
        events,
        status,
        licenseReport);
  }
}
