package dev.failover.api.v1alpha1.saasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.FailoverPlan;
import dev.failover.api.v1alpha1.common.UserControl;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The elements of the SaaS rider (user control, user license, failover plan) and its grants. */
public class SaasRiderSpec {
  @JsonPropertyDescription("What the SaaS customer controls: access to the applications.")
  private UserControl userControl;

  @Required
  @JsonPropertyDescription("The user license and its limits.")
  private SaasUserLicense license;

  @Default("{}")
  @JsonPropertyDescription("The provider's failover plan for the SaaS applications.")
  private FailoverPlan failoverPlan;

  @Size(max = 20)
  @JsonPropertyDescription(
      "User tasks granted to customer subjects: AccessApplications, UpdateRecords,"
          + " ReceiveSecurityAlerts. BuyUpgradeLicenses, ManagePatches,"
          + " AccessSystemApplicationsAndVMs and AccessInfrastructure are provider-only.")
  private List<SaasGrant> grants;

  public UserControl getUserControl() {
    return userControl;
  }

  public void setUserControl(UserControl userControl) {
    this.userControl = userControl;
  }

  public SaasUserLicense getLicense() {
    return license;
  }

  public void setLicense(SaasUserLicense license) {
    this.license = license;
  }

  public FailoverPlan getFailoverPlan() {
    return failoverPlan;
  }

  public void setFailoverPlan(FailoverPlan failoverPlan) {
    this.failoverPlan = failoverPlan;
  }

  public List<SaasGrant> getGrants() {
    return grants;
  }

  public void setGrants(List<SaasGrant> grants) {
    this.grants = grants;
  }
}
