package dev.failover.api.v1alpha1.paasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.FailoverPlan;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The PaaS failover plan: the common plan plus whose failover application and which tools. */
@SchemaCustomizer(value = SetLists.class, input = "privacyCompliance,thirdPartyTools")
@ValidationRule(
    value = "!has(self.thirdPartyTools) || self.thirdPartyToolsAllowed",
    fieldPath = ".thirdPartyTools",
    message = "thirdPartyTools may only be listed when thirdPartyToolsAllowed is true")
public class PaasFailoverPlan extends FailoverPlan {
  @Default("Provider")
  @JsonPropertyDescription(
      "Own: the developer's failover application moves the applications; Provider: the"
          + " provider's (this operator).")
  private FailoverApplication failoverApplication;

  @Default("false")
  @JsonPropertyDescription(
      "Whether the developer may use third-party tools such as load balancers for failover.")
  private Boolean thirdPartyToolsAllowed;

  @Size(max = 20)
  @JsonPropertyDescription(
      "The third-party tools in use, e.g. haproxy; needs thirdPartyToolsAllowed.")
  private List<
          @Pattern(ValuePatterns.DNS_LABEL) @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH) String>
      thirdPartyTools;

  public FailoverApplication getFailoverApplication() {
    return failoverApplication;
  }

  public void setFailoverApplication(FailoverApplication failoverApplication) {
    this.failoverApplication = failoverApplication;
  }

  public Boolean getThirdPartyToolsAllowed() {
    return thirdPartyToolsAllowed;
  }

  public void setThirdPartyToolsAllowed(Boolean thirdPartyToolsAllowed) {
    this.thirdPartyToolsAllowed = thirdPartyToolsAllowed;
  }

  public List<String> getThirdPartyTools() {
    return thirdPartyTools;
  }

  public void setThirdPartyTools(List<String> thirdPartyTools) {
    this.thirdPartyTools = thirdPartyTools;
  }
}
