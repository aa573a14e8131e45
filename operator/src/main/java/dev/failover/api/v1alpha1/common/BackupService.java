package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The provider's backup service. It carries a storage ceiling because the outage in the IBM article
 * began when automatic backups filled the storage.
 */
public class BackupService {
  @Default("true")
  @JsonPropertyDescription("Whether the provider backs up the customer's data.")
  private Boolean provided;

  @Default("24h")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("Time between backups, as a duration such as 6h or 24h.")
  private String interval;

  @Default("7")
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("How many backups are kept; older ones are deleted.")
  private Integer retainCopies;

  @Default("80")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Backups pause, and an alert is raised, when the backup storage is this full (percent).")
  private Integer maxStorageUsagePercent;

  public Boolean getProvided() {
    return provided;
  }

  public void setProvided(Boolean provided) {
    this.provided = provided;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public Integer getRetainCopies() {
    return retainCopies;
  }

  public void setRetainCopies(Integer retainCopies) {
    this.retainCopies = retainCopies;
  }

  public Integer getMaxStorageUsagePercent() {
    return maxStorageUsagePercent;
  }

  public void setMaxStorageUsagePercent(Integer maxStorageUsagePercent) {
    this.maxStorageUsagePercent = maxStorageUsagePercent;
  }
}
