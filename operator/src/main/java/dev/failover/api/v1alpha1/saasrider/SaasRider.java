package dev.failover.api.v1alpha1.saasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.RiderStatus;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The SaaS rider of a failover policy. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("saas")
@Categories({"failover", "riders"})
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"The SaaS rider of a cloud failover policy: what the SaaS customer"
            + " controls (access to applications), the user license and its limits, the"
            + " provider's failover plan (backup service, SLA with credit tiers, privacy-law"
            + " compliance), and which customer subjects are granted which user tasks."
            + " Provider-only tasks cannot be granted.\"}")
@AdditionalPrinterColumn(
    name = "LicenseCompliant",
    jsonPath = ".status.conditions[?(@.type==\"LicenseCompliant\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "PermissionsApplied",
    jsonPath = ".status.conditions[?(@.type==\"PermissionsApplied\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class SaasRider extends CustomResource<SaasRiderSpec, RiderStatus> implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("The rider's elements and grants.")
  public SaasRiderSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("License usage, applied RBAC and conditions; written by the operator.")
  public RiderStatus getStatus() {
    return super.getStatus();
  }
}
