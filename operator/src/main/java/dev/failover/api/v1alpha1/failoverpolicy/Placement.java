package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Which data centers a workload may run in, and how the failover target is chosen. */
@SchemaCustomizer(value = SetLists.class, input = "secondaries")
@ValidationRule(
    value = "!(self.primary in self.secondaries)",
    fieldPath = ".secondaries",
    message = "placement.primary must not also be listed in placement.secondaries")
public class Placement {
  @Default("Priority")
  @JsonPropertyDescription(
      "Priority: the primary, then the secondaries in order. LowestLatency: the healthy data"
          + " center with the lowest measured probe latency.")
  private PlacementStrategy strategy;

  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("The DataCenter the workload runs in when it is healthy.")
  private String primary;

  @Required
  @Size(min = 1, max = 10)
  @JsonPropertyDescription(
      "DataCenters to fail over to, most preferred first; distinct, and not the primary.")
  private List<
          @Pattern(ValuePatterns.OBJECT_NAME) @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
          String>
      secondaries;

  public PlacementStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(PlacementStrategy strategy) {
    this.strategy = strategy;
  }

  public String getPrimary() {
    return primary;
  }

  public void setPrimary(String primary) {
    this.primary = primary;
  }

  public List<String> getSecondaries() {
    return secondaries;
  }

  public void setSecondaries(List<String> secondaries) {
    this.secondaries = secondaries;
  }
}
