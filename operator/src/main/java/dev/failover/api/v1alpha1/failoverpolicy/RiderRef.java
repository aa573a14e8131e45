package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The rider, in the policy's namespace, whose terms the policy's workload runs under. */
public class RiderRef {
  @Required
  @JsonPropertyDescription("SaasRider, PaasRider or IaasRider.")
  private RiderKind kind;

  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Name of the rider, in the namespace of the policy.")
  private String name;

  public RiderKind getKind() {
    return kind;
  }

  public void setKind(RiderKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
