package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A customer-side subject that receives the tasks of a grant, bound by RBAC in each data center.
 */
@ValidationRule(
    value = "self.kind == 'ServiceAccount' || !has(self.__namespace__)",
    fieldPath = ".namespace",
    message = "namespace is only allowed for subjects of kind ServiceAccount")
@ValidationRule(
    value = "!self.name.startsWith('system:')",
    fieldPath = ".name",
    message =
        "name must not start with system: (system:masters, system:unauthenticated,"
            + " system:serviceaccounts...): those are the data centers' own identities, not the"
            + " customer's")
public class SubjectRef {
  @Required
  @JsonPropertyDescription("User, Group or ServiceAccount.")
  private SubjectKind kind;

  @Required
  @Size(min = 1, max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription(
      "Name of the user, group or service account, as the data centers' authenticators know it.")
  private String name;

  @Pattern(ValuePatterns.DNS_LABEL)
  @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH)
  @JsonPropertyDescription(
      "Namespace of a ServiceAccount subject; defaults to the namespace of the rider. Not allowed"
          + " for users and groups.")
  private String namespace;

  public SubjectKind getKind() {
    return kind;
  }

  public void setKind(SubjectKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
