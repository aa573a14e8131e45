package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The "user control" element of a rider: what the customer controls, and where. */
@SchemaCustomizer(value = SetLists.class, input = "namespaces")
public class UserControl {
  @Size(max = ValuePatterns.TEXT_MAX_LENGTH)
  @JsonPropertyDescription(
      "What the customer controls under this rider, in words (for example: access to the CRM"
          + " application to run the sales business).")
  private String summary;

  @Size(max = 20)
  @ValidationRule(
      value = "self.all(n, !n.startsWith('kube-'))",
      message =
          "must not name the cluster's own namespaces (kube-system, kube-public, kube-node-lease,"
              + " kube-*)")
  @JsonPropertyDescription(
      "Namespaces in every data center where the customer's grants apply. Defaults to the"
          + " namespace of the rider.")
  private List<
          @Pattern(ValuePatterns.DNS_LABEL) @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH) String>
      namespaces;

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }
}
