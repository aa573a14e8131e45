package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.DateTimes;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Takes a data center out of service: every policy active there moves away, and none moves in. With
 * {@code until}, it returns to service by itself at that time (Zscaler's bounded exclusion).
 */
@SchemaCustomizer(value = DateTimes.class, input = "until")
public class Exclusion {
  @Pattern(ValuePatterns.RFC3339)
  @Size(max = ValuePatterns.RFC3339_MAX_LENGTH)
  @JsonPropertyDescription(
      "End of the exclusion, as an RFC 3339 timestamp such as 2026-11-23T18:00:00Z. Absent means"
          + " excluded until this field or the whole exclusion is removed (an indefinite drain).")
  private String until;

  @Required
  @Size(min = 1, max = ValuePatterns.TEXT_MAX_LENGTH)
  @JsonPropertyDescription(
      "Why the data center is excluded; shown in events and notifications. Required: an exclusion"
          + " moves every workload away, and the people paged need to know why.")
  private String reason;

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
