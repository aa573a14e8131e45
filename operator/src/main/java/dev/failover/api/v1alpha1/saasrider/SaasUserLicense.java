package dev.failover.api.v1alpha1.saasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The SaaS user license negotiated with the provider. */
@SchemaCustomizer(value = SetLists.class, input = "allowedApplicationTypes")
public class SaasUserLicense {
  @Required
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Most SaaS applications the customer may access.")
  private Integer maxApplications;

  @Required
  @Min(1)
  @Max(1000000)
  @JsonPropertyDescription("Most users that may use one application at the same time.")
  private Integer maxConcurrentUsersPerApplication;

  @Required
  @Min(1)
  @Max(1000000000)
  @JsonPropertyDescription("Most requests allotted to each user per requestWindow.")
  private Integer maxRequestsPerUser;

  @Default("1h")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("The window maxRequestsPerUser counts over, as a duration.")
  private String requestWindow;

  @Required
  @Size(min = 1, max = 10)
  @JsonPropertyDescription(
      "Kinds of SaaS application the customer may access: Accounting, ProjectManagement, CRM,"
          + " RetailManagement, VulnerabilityScanner, Collaboration, Other.")
  private List<SaasApplicationType> allowedApplicationTypes;

  public Integer getMaxApplications() {
    return maxApplications;
  }

  public void setMaxApplications(Integer maxApplications) {
    this.maxApplications = maxApplications;
  }

  public Integer getMaxConcurrentUsersPerApplication() {
    return maxConcurrentUsersPerApplication;
  }

  public void setMaxConcurrentUsersPerApplication(Integer maxConcurrentUsersPerApplication) {
    this.maxConcurrentUsersPerApplication = maxConcurrentUsersPerApplication;
  }

  public Integer getMaxRequestsPerUser() {
    return maxRequestsPerUser;
  }

  public void setMaxRequestsPerUser(Integer maxRequestsPerUser) {
    this.maxRequestsPerUser = maxRequestsPerUser;
  }

  public String getRequestWindow() {
    return requestWindow;
  }

  public void setRequestWindow(String requestWindow) {
    this.requestWindow = requestWindow;
  }

  public List<SaasApplicationType> getAllowedApplicationTypes() {
    return allowedApplicationTypes;
  }

  public void setAllowedApplicationTypes(List<SaasApplicationType> allowedApplicationTypes) {
    this.allowedApplicationTypes = allowedApplicationTypes;
  }
}
