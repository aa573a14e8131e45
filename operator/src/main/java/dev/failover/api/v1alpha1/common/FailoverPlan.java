package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The "failover plan" element every rider has: how fast the provider fails over, its backup
 * service, its SLA and the privacy laws it complies with. PaaS and IaaS riders extend it.
 */
@SchemaCustomizer(value = SetLists.class, input = "privacyCompliance")
public class FailoverPlan {
  @Default("5m")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Longest time the provider may take to fail the service over from a failed data center to"
          + " a healthy one (the IBM article allows 5 minutes).")
  private String maxFailoverTime;

  @Default("{}")
  @JsonPropertyDescription("The provider's backup service.")
  private BackupService backupService;

  @JsonPropertyDescription("The SLA the provider offers, with its credit schedule.")
  private SlaTerms sla;

  @Size(max = 10)
  @JsonPropertyDescription(
      "Data privacy laws the provider complies with, for example USFederalPrivacyAct and PIPEDA.")
  private List<PrivacyLaw> privacyCompliance;

  public String getMaxFailoverTime() {
    return maxFailoverTime;
  }

  public void setMaxFailoverTime(String maxFailoverTime) {
    this.maxFailoverTime = maxFailoverTime;
  }

  public BackupService getBackupService() {
    return backupService;
  }

  public void setBackupService(BackupService backupService) {
    this.backupService = backupService;
  }

  public SlaTerms getSla() {
    return sla;
  }

  public void setSla(SlaTerms sla) {
    this.sla = sla;
  }

  public List<PrivacyLaw> getPrivacyCompliance() {
    return privacyCompliance;
  }

  public void setPrivacyCompliance(List<PrivacyLaw> privacyCompliance) {
    this.privacyCompliance = privacyCompliance;
  }
}
