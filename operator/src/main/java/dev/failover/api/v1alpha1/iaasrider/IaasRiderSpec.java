package dev.failover.api.v1alpha1.iaasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.UserControl;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The elements of the IaaS rider (user control, enterprise license, virtual machines, failover
 * plan) and its grants.
 */
@ValidationRule(
    value =
        "!has(self.virtualMachines) || size(self.virtualMachines) <="
            + " self.license.maxVirtualMachines",
    fieldPath = ".virtualMachines",
    message = "virtualMachines lists more machines than license.maxVirtualMachines allows")
@ValidationRule(
    value =
        "!has(self.virtualMachines) || self.virtualMachines.all(a,"
            + " self.virtualMachines.exists_one(b, b.name == a.name))",
    fieldPath = ".virtualMachines",
    message = "virtualMachines must not repeat a name")
@ValidationRule(
    value =
        "!has(self.failoverPlan.capacityThreshold) || (has(self.virtualMachines) ?"
            + " size(self.virtualMachines) : 0) +"
            + " self.failoverPlan.capacityThreshold.maxAdditionalVirtualMachines <="
            + " self.license.maxVirtualMachines",
    fieldPath = ".failoverPlan.capacityThreshold.maxAdditionalVirtualMachines",
    message =
        "virtualMachines plus failoverPlan.capacityThreshold.maxAdditionalVirtualMachines exceed"
            + " license.maxVirtualMachines")
public class IaasRiderSpec {
  @JsonPropertyDescription(
      "What the IaaS specialists control: the virtual machines (PaaS developers and SaaS users"
          + " do not).")
  private UserControl userControl;

  @Required
  @JsonPropertyDescription("The enterprise license and its limits.")
  private IaasEnterpriseLicense license;

  @Size(max = 100)
  @JsonPropertyDescription("The virtual machines; at most license.maxVirtualMachines.")
  private List<VirtualMachine> virtualMachines;

  @Default("{}")
  @JsonPropertyDescription("The failover plan for the virtual machines.")
  private IaasFailoverPlan failoverPlan;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Specialist tasks granted to customer subjects: ManageVirtualMachines,"
          + " GrantPaasDeveloperAccess, UseThirdPartyTools, ScanVirtualMachines,"
          + " ConfigureVmFirewall, ManageSecurityAlerts, BackUpVirtualMachines."
          + " AccessInfrastructure is provider-only.")
  private List<IaasGrant> grants;

  public UserControl getUserControl() {
    return userControl;
  }

  public void setUserControl(UserControl userControl) {
    this.userControl = userControl;
  }

  public IaasEnterpriseLicense getLicense() {
    return license;
  }

  public void setLicense(IaasEnterpriseLicense license) {
    this.license = license;
  }

  public List<VirtualMachine> getVirtualMachines() {
    return virtualMachines;
  }

  public void setVirtualMachines(List<VirtualMachine> virtualMachines) {
    this.virtualMachines = virtualMachines;
  }

  public IaasFailoverPlan getFailoverPlan() {
    return failoverPlan;
  }

  public void setFailoverPlan(IaasFailoverPlan failoverPlan) {
    this.failoverPlan = failoverPlan;
  }

  public List<IaasGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<IaasGrant> grants) {
    this.grants = grants;
  }
}
