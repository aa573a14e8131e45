package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How much of one license limit is in use. */
public class LicenseUsage {
  @JsonPropertyDescription("The limit, named as its spec.license field (e.g. maxApplications).")
  private String limit;

  @JsonPropertyDescription("Observed usage across all data centers.")
  private Long used;

  @JsonPropertyDescription("The licensed maximum.")
  private Long allowed;

  public LicenseUsage() {}

  public LicenseUsage(String limit, long used, long allowed) {
    this.limit = limit;
    this.used = used;
    this.allowed = allowed;
  }

  public String getLimit() {
    return limit;
  }

  public void setLimit(String limit) {
    this.limit = limit;
  }

  public Long getUsed() {
    return used;
  }

  public void setUsed(Long used) {
    this.used = used;
  }

  public Long getAllowed() {
    return allowed;
  }

  public void setAllowed(Long allowed) {
    this.allowed = allowed;
  }
}
