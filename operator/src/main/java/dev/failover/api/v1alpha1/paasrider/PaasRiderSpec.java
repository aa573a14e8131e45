package dev.failover.api.v1alpha1.paasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.UserControl;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The elements of the PaaS rider (user control, developer license, application development,
 * failover plan) and its grants.
 */
@ValidationRule(
    value =
        "!has(self.servicePools) || self.servicePools.all(a,"
            + " self.servicePools.exists_one(b, b.name == a.name))",
    fieldPath = ".servicePools",
    message = "servicePools must not repeat a name")
@ValidationRule(
    value =
        "!has(self.servicePools) || self.servicePools.all(a, a.components.all(c,"
            + " self.servicePools.exists_one(b, c in b.components)))",
    fieldPath = ".servicePools",
    message = "a component may be in one service pool only")
public class PaasRiderSpec {
  @JsonPropertyDescription(
      "What the PaaS developer controls: the development of its applications on the platform.")
  private UserControl userControl;

  @Required
  @JsonPropertyDescription("The developer license and its limits.")
  private PaasDeveloperLicense license;

  @Required
  @JsonPropertyDescription("The kinds of application developed on the platform.")
  private ApplicationDevelopment applicationDevelopment;

  @Default("{}")
  @JsonPropertyDescription("The failover plan for the PaaS applications.")
  private PaasFailoverPlan failoverPlan;

  @Size(max = 10)
  @JsonPropertyDescription(
      "Independent service pools (A1..An), (B1..Bn): each is placed and failed over on its own,"
          + " with its own timeout and retry budget, rendered into its containers and used for"
          + " the operator's probes of its health endpoint. A policy whose workload holds"
          + " components of two pools is warned of the coupling.")
  private List<PaasServicePool> servicePools;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Developer tasks granted to customer subjects: DeployApplications,"
          + " ManagePatchesAndUpgrades, ControlSaasUserAccess, CustomizePlatform,"
          + " ScanApplications, ConfigureApplicationFirewall, ManageSecurityAlerts, RunBackups."
          + " RunSystemApplications, RunVirtualMachines and AccessInfrastructure are"
          + " provider-only.")
  private List<PaasGrant> grants;

  public UserControl getUserControl() {
    return userControl;
  }

  public void setUserControl(UserControl userControl) {
    this.userControl = userControl;
  }

  public PaasDeveloperLicense getLicense() {
    return license;
  }

  public void setLicense(PaasDeveloperLicense license) {
    this.license = license;
  }

  public ApplicationDevelopment getApplicationDevelopment() {
    return applicationDevelopment;
  }

  public void setApplicationDevelopment(ApplicationDevelopment applicationDevelopment) {
    this.applicationDevelopment = applicationDevelopment;
  }

  public PaasFailoverPlan getFailoverPlan() {
    return failoverPlan;
  }

  public void setFailoverPlan(PaasFailoverPlan failoverPlan) {
    this.failoverPlan = failoverPlan;
  }

  public List<PaasServicePool> getServicePools() {
    return servicePools;
  }

  public void setServicePools(List<PaasServicePool> servicePools) {
    this.servicePools = servicePools;
  }

  public List<PaasGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<PaasGrant> grants) {
    this.grants = grants;
  }
}
