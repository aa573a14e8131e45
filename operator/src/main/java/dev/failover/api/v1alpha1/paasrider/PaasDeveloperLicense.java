package dev.failover.api.v1alpha1.paasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** The PaaS developer license negotiated with the provider. */
public class PaasDeveloperLicense {
  @Required
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Most applications the customer may develop on the platform.")
  private Integer maxApplicationsDeveloped;

  @Required
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Most developers that may use the platform at the same time.")
  private Integer maxConcurrentDevelopers;

  @Required
  @Min(1)
  @Max(10000000)
  @JsonPropertyDescription(
      "Most SaaS users that may use the applications on the platform at the same time.")
  private Integer maxConcurrentSaasUsers;

  public Integer getMaxApplicationsDeveloped() {
    return maxApplicationsDeveloped;
  }

  public void setMaxApplicationsDeveloped(Integer maxApplicationsDeveloped) {
    this.maxApplicationsDeveloped = maxApplicationsDeveloped;
  }

  public Integer getMaxConcurrentDevelopers() {
    return maxConcurrentDevelopers;
  }

  public void setMaxConcurrentDevelopers(Integer maxConcurrentDevelopers) {
    this.maxConcurrentDevelopers = maxConcurrentDevelopers;
  }

  public Integer getMaxConcurrentSaasUsers() {
    return maxConcurrentSaasUsers;
  }

  public void setMaxConcurrentSaasUsers(Integer maxConcurrentSaasUsers) {
    this.maxConcurrentSaasUsers = maxConcurrentSaasUsers;
  }
}
