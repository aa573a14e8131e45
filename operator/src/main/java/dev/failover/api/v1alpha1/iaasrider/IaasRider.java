package dev.failover.api.v1alpha1.iaasrider;

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

/** The IaaS rider of a failover policy. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("iaas")
@Categories({"failover", "riders"})
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"The IaaS rider of a cloud failover policy: what the IaaS specialists"
            + " control, the enterprise license and its limits, the virtual machines, the failover"
            + " plan (specialists and PaaS developers set up failover VMs, capacity thresholds,"
            + " backup service, SLA, privacy-law compliance), and which specialist tasks are granted"
            + " to whom. The provider-only task AccessInfrastructure cannot be granted.\"}")
@AdditionalPrinterColumn(
    name = "LicenseCompliant",
    jsonPath = ".status.conditions[?(@.type==\"LicenseCompliant\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "PermissionsApplied",
    jsonPath = ".status.conditions[?(@.type==\"PermissionsApplied\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "VirtualMachinesReady",
    jsonPath = ".status.conditions[?(@.type==\"VirtualMachinesReady\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class IaasRider extends CustomResource<IaasRiderSpec, RiderStatus> implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("The rider's elements and grants.")
  public IaasRiderSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("License usage, applied RBAC and conditions; written by the operator.")
  public RiderStatus getStatus() {
    return super.getStatus();
  }
}
