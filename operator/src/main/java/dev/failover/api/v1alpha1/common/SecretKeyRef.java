package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the namespace of the referring resource. */
public class SecretKeyRef {
  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Name of the Secret, in the namespace of this resource.")
  private String name;

  @Required
  @Pattern("^[-._a-zA-Z0-9]+$")
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Key within the Secret's data that holds the value.")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
