package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.EmbeddedObjectItems;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/**
 * What the policy runs in its data centers. The schema sees only apiVersion, kind and metadata.name
 * of an embedded manifest; the chart's ValidatingAdmissionPolicy judges the rest (namespace, scope,
 * replicas, selector, an object declared twice, whose quadratic check is beyond a CRD rule's cost
 * budget), and the operator judges everything again before it applies anything.
 */
@SchemaCustomizer(value = EmbeddedObjectItems.class, input = "manifests")
@SchemaCustomizer(value = SetLists.class, input = "criticalApplications")
@ValidationRule(
    value =
        "!has(self.criticalApplications) || self.criticalApplications.all(c,"
            + " self.manifests.exists(m, has(m.metadata) && has(m.metadata.name) && m.metadata.name == c))",
    fieldPath = ".criticalApplications",
    message = "every criticalApplications entry must be the metadata.name of one of the manifests")
public class Workload {
  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription(
      "The Kubernetes objects to run (Deployments, StatefulSets, Services, ConfigMaps...), each a"
          + " complete manifest with apiVersion, kind and metadata.name. They are applied into"
          + " the policy's namespace in each data center, by server-side apply.")
  private List<GenericKubernetesResource> manifests;

  @JsonPropertyDescription("The workload's own HTTP health endpoint, probed in each data center.")
  private HealthEndpoint healthEndpoint;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Names (metadata.name) of the manifests that are critical applications: the only ones"
          + " kept running in disaster-recovery mode. Required when disasterRecovery is set.")
  private List<
          @Pattern(ValuePatterns.OBJECT_NAME) @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
          String>
      criticalApplications;

  @JsonPropertyDescription(
      "Adopt objects that already exist in a data center but were not created by this operator"
          + " (no failover.dev/policy-name label): take them over with forced server-side apply."
          + " Off by default: the operator then refuses to touch another manager's object and"
          + " says so in the Ready condition.")
  private Boolean adopt;

  @Pattern("^[A-Za-z][A-Za-z0-9]*$")
  @Size(max = 63)
  @JsonPropertyDescription(
      "The kind of application this is, as the rider's license names kinds: a SaaS"
          + " allowedApplicationTypes value (Accounting, ProjectManagement, CRM, RetailManagement,"
          + " VulnerabilityScanner, Collaboration, Other) or a PaaS applicationTypes value"
          + " (SaasApplication, WebSite, CRM, Mobile, BillingPayroll, ServiceDeliveryPlatform,"
          + " ContentDeliveryManagement). A type the license does not allow blocks the policy.")
  private String applicationType;

  public String getApplicationType() {
    return applicationType;
  }

  public void setApplicationType(String applicationType) {
    this.applicationType = applicationType;
  }

  public List<GenericKubernetesResource> getManifests() {
    return manifests;
  }

  public void setManifests(List<GenericKubernetesResource> manifests) {
    this.manifests = manifests;
  }

  public HealthEndpoint getHealthEndpoint() {
    return healthEndpoint;
  }

  public void setHealthEndpoint(HealthEndpoint healthEndpoint) {
    this.healthEndpoint = healthEndpoint;
  }

  public List<String> getCriticalApplications() {
    return criticalApplications;
  }

  public void setCriticalApplications(List<String> criticalApplications) {
    this.criticalApplications = criticalApplications;
  }

  public Boolean getAdopt() {
    return adopt;
  }

  public void setAdopt(Boolean adopt) {
    this.adopt = adopt;
  }
}
