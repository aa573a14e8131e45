package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** What switches disaster-recovery mode on; either trigger suffices. Clearing it ends the mode. */
public class DisasterRecoveryTrigger {
  @JsonPropertyDescription("A signed DNS TXT record the operator polls.")
  private DnsTxtTrigger dnsTxt;

  @Default("false")
  @JsonPropertyDescription("The manual switch: true puts the policy in disaster-recovery mode.")
  private Boolean manual;

  public DnsTxtTrigger getDnsTxt() {
    return dnsTxt;
  }

  public void setDnsTxt(DnsTxtTrigger dnsTxt) {
    this.dnsTxt = dnsTxt;
  }

  public Boolean getManual() {
    return manual;
  }

  public void setManual(Boolean manual) {
    this.manual = manual;
  }
}
