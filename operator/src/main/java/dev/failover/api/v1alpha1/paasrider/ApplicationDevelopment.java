package dev.failover.api.v1alpha1.paasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The "application development" element only the PaaS rider has. */
@SchemaCustomizer(value = SetLists.class, input = "applicationTypes")
public class ApplicationDevelopment {
  @Required
  @Size(min = 1, max = 7)
  @JsonPropertyDescription(
      "Kinds of application the developer builds: SaasApplication, WebSite, CRM, Mobile,"
          + " BillingPayroll, ServiceDeliveryPlatform, ContentDeliveryManagement.")
  private List<PaasApplicationType> applicationTypes;

  public List<PaasApplicationType> getApplicationTypes() {
    return applicationTypes;
  }

  public void setApplicationTypes(List<PaasApplicationType> applicationTypes) {
    this.applicationTypes = applicationTypes;
  }
}
