package dev.failover.api.v1alpha1.paasrider;

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

/**
 * An independent service pool (A1..An): every instance of one service, placed and failed over apart
 * from the other pools, with its own timeout and retry budget. The IBM article's remedy for coupled
 * groups (A1,B1,C1)..(An,Bn,Cn), where one slow component takes its whole group down.
 */
@SchemaCustomizer(value = SetLists.class, input = "components")
public class PaasServicePool {
  @Required
  @Pattern(ValuePatterns.DNS_LABEL)
  @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH)
  @JsonPropertyDescription("Name of the pool, unique in the rider; a DNS label.")
  private String name;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription(
      "The components in the pool: names of the Deployments and StatefulSets that the policies"
          + " under the rider declare. A component is in one pool at most.")
  private List<
          @Pattern(ValuePatterns.OBJECT_NAME) @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
          String>
      components;

  @Default("2s")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "How long a call to the pool, and the operator's probe of its health endpoint, may take"
          + " before it counts as failed.")
  private String timeout;

  @Default("2")
  @Min(0)
  @Max(10)
  @JsonPropertyDescription("Most retries of one failed call (and of one failed probe).")
  private Integer maxRetries;

  @Default("20")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Retries may add at most this percentage to the calls over the last 20 (at least"
          + " maxRetries), so a pool that is down is not flooded with retries.")
  private Integer retryBudgetPercent;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getComponents() {
    return components;
  }

  public void setComponents(List<String> components) {
    this.components = components;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public Integer getRetryBudgetPercent() {
    return retryBudgetPercent;
  }

  public void setRetryBudgetPercent(Integer retryBudgetPercent) {
    this.retryBudgetPercent = retryBudgetPercent;
  }
}
