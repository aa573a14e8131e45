package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.PrivacyLaw;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Where a data center is, how to reach and probe it, and how much it is preferred. */
@SchemaCustomizer(value = SetLists.class, input = "privacyCompliance")
public class DataCenterSpec {
  @Required
  @JsonPropertyDescription("The hub Secret holding the kubeconfig for this data center's cluster.")
  private KubeconfigSecretRef kubeconfigSecretRef;

  @Required
  @Pattern(ValuePatterns.DNS_LABEL)
  @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH)
  @JsonPropertyDescription("Region the data center is in, e.g. ca-central; lowercase DNS label.")
  private String region;

  @Default("100")
  @Min(0)
  @Max(1000)
  @JsonPropertyDescription(
      "Preference when several data centers can take a workload: lower is preferred (0..1000).")
  private Integer priority;

  @Default("20")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Share of capacity (percent of allocatable CPU and of memory) kept free for workloads"
          + " failing over from other data centers. A data center without that reserve, or without"
          + " room for the workload, is not chosen as a target unless the workload already runs"
          + " there at full size; unknown capacity never blocks a failover.")
  private Integer spareCapacityPercent;

  @Required
  @Pattern(ValuePatterns.HOST)
  @Size(max = ValuePatterns.HOST_MAX_LENGTH)
  @JsonPropertyDescription(
      "Hostname or IPv4 address the workloads' ingress serves on in this data center; the"
          + " operator points each policy's DNS record at the active data center's address.")
  private String ingressAddress;

  @Default("{}")
  @JsonPropertyDescription("Probe settings; FailoverPolicy.spec.detection may override them.")
  private ProbeSpec probe;

  @JsonPropertyDescription(
      "Takes the data center out of service, until a time or indefinitely. Remove it to return"
          + " the data center to service.")
  private Exclusion exclusion;

  @Size(max = 10)
  @JsonPropertyDescription(
      "Data privacy laws this data center complies with, as a rider's"
          + " failoverPlan.privacyCompliance names them. A rider whose plan names a law that a"
          + " data center of its policies does not list gets a failed privacyCompliance entry in"
          + " status.planChecks. Unset: the data center declares none.")
  private List<PrivacyLaw> privacyCompliance;

  public List<PrivacyLaw> getPrivacyCompliance() {
    return privacyCompliance;
  }

  public void setPrivacyCompliance(List<PrivacyLaw> privacyCompliance) {
    this.privacyCompliance = privacyCompliance;
  }

  public KubeconfigSecretRef getKubeconfigSecretRef() {
    return kubeconfigSecretRef;
  }

  public void setKubeconfigSecretRef(KubeconfigSecretRef kubeconfigSecretRef) {
    this.kubeconfigSecretRef = kubeconfigSecretRef;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public Integer getPriority() {
    return priority;
  }

  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  public Integer getSpareCapacityPercent() {
    return spareCapacityPercent;
  }

  public void setSpareCapacityPercent(Integer spareCapacityPercent) {
    this.spareCapacityPercent = spareCapacityPercent;
  }

  public String getIngressAddress() {
    return ingressAddress;
  }

  public void setIngressAddress(String ingressAddress) {
    this.ingressAddress = ingressAddress;
  }

  public ProbeSpec getProbe() {
    return probe;
  }

  public void setProbe(ProbeSpec probe) {
    this.probe = probe;
  }

  public Exclusion getExclusion() {
    return exclusion;
  }

  public void setExclusion(Exclusion exclusion) {
    this.exclusion = exclusion;
  }
}
