package dev.failover.api.v1alpha1.chaosrestoretest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How many faults to inject, and of which kinds. */
@SchemaCustomizer(value = SetLists.class, input = "kinds")
public class FaultPlan {
  @Default("5")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Number of faults injected, one after the other.")
  private Integer count;

  @Size(min = 1, max = 4)
  @JsonPropertyDescription(
      "Kinds of fault to draw from: DeletePod, ScaleToZero, DeleteService, DeleteConfigMap. All"
          + " kinds when unset.")
  private List<FaultKind> kinds;

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public List<FaultKind> getKinds() {
    return kinds;
  }

  public void setKinds(List<FaultKind> kinds) {
    this.kinds = kinds;
  }
}
