package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The Secret in the hub that holds the kubeconfig for reaching a data center. */
public class KubeconfigSecretRef {
  @Required
  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Name of the Secret.")
  private String name;

  @Required
  @Pattern(ValuePatterns.DNS_LABEL)
  @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH)
  @JsonPropertyDescription("Namespace of the Secret in the hub (DataCenter is cluster-scoped).")
  private String namespace;

  @Default("kubeconfig")
  @Pattern("^[-._a-zA-Z0-9]+$")
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("Key within the Secret's data that holds the kubeconfig.")
  private String key;

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

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
