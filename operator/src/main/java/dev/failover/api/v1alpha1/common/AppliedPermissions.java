package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The RBAC the operator has put in place for a rider's grants in one data center. */
public class AppliedPermissions {
  @JsonPropertyDescription("The DataCenter the RBAC lives in.")
  private String dataCenter;

  @JsonPropertyDescription("Whether every grant of the rider is bound there.")
  private Boolean applied;

  @JsonPropertyDescription("Namespaces the Roles and RoleBindings were created in.")
  private List<String> namespaces;

  @JsonPropertyDescription("Names of the Roles and ClusterRoles created for the granted tasks.")
  private List<String> roles;

  @JsonPropertyDescription("Names of the RoleBindings that bind those roles to the subjects.")
  private List<String> bindings;

  @JsonPropertyDescription("Why the RBAC could not be applied, when applied is false.")
  private String message;

  @JsonPropertyDescription("When the RBAC was last applied (RFC 3339).")
  private String lastAppliedTime;

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public Boolean getApplied() {
    return applied;
  }

  public void setApplied(Boolean applied) {
    this.applied = applied;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public List<String> getBindings() {
    return bindings;
  }

  public void setBindings(List<String> bindings) {
    this.bindings = bindings;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastAppliedTime() {
    return lastAppliedTime;
  }

  public void setLastAppliedTime(String lastAppliedTime) {
    this.lastAppliedTime = lastAppliedTime;
  }
}
