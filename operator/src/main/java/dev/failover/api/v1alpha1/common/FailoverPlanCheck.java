package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One element of a rider's failover plan, checked against the policies under the rider. */
public class FailoverPlanCheck {
  @JsonPropertyDescription(
      "The element of spec.failoverPlan: maxFailoverTime, backupService, sla, privacyCompliance,"
          + " and for a PaasRider failoverApplication and thirdPartyTools.")
  private String element;

  @JsonPropertyDescription("Whether the policies under the rider keep to this element.")
  private Boolean passed;

  @JsonPropertyDescription("What was checked, and what does not fit.")
  private String message;

  public FailoverPlanCheck() {}

  public FailoverPlanCheck(String element, boolean passed, String message) {
    this.element = element;
    this.passed = passed;
    this.message = message;
  }

  public String getElement() {
    return element;
  }

  public void setElement(String element) {
    this.element = element;
  }

  public Boolean getPassed() {
    return passed;
  }

  public void setPassed(Boolean passed) {
    this.passed = passed;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
