package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference by name to another object in the same namespace. */
public class LocalObjectRef {
  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Name of the referenced object, in the namespace of this resource.")
  private String name;

  public LocalObjectRef() {}

  public LocalObjectRef(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
