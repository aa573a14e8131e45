package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One object the operator has put into data centers for a policy. */
public class ManagedObject {
  @JsonPropertyDescription("The object's apiVersion, e.g. apps/v1.")
  private String apiVersion;

  @JsonPropertyDescription("The object's kind, e.g. Deployment.")
  private String kind;

  @JsonPropertyDescription("The object's name, in the policy's namespace.")
  private String name;

  public ManagedObject() {}

  public ManagedObject(String apiVersion, String kind, String name) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.name = name;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ManagedObject that
        && Objects.equals(apiVersion, that.apiVersion)
        && Objects.equals(kind, that.kind)
        && Objects.equals(name, that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, name);
  }

  @Override
  public String toString() {
    return apiVersion + " " + kind + " " + name;
  }
}
