package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A DNS TXT record that switches disaster-recovery mode on while it holds a value signed with the
 * HMAC key, so that a forged record cannot trip it.
 */
public class DnsTxtTrigger {
  @Required
  @Pattern(ValuePatterns.HOST)
  @Size(max = ValuePatterns.HOST_MAX_LENGTH)
  @JsonPropertyDescription("The DNS name whose TXT record is polled, e.g. dr.shop.example.")
  private String name;

  @Pattern(ValuePatterns.HOST_AND_OPTIONAL_PORT)
  @Size(max = ValuePatterns.HOST_MAX_LENGTH)
  @JsonPropertyDescription(
      "DNS resolver to ask, as host or host:port (port 53 if absent); the system resolver when"
          + " unset.")
  private String resolver;

  @Required
  @JsonPropertyDescription(
      "Secret key holding the HMAC-SHA256 key; the TXT value must carry a valid signature.")
  private SecretKeyRef hmacSecretRef;

  @Default("30s")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("How often the record is polled, as a duration.")
  private String pollInterval;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getResolver() {
    return resolver;
  }

  public void setResolver(String resolver) {
    this.resolver = resolver;
  }

  public SecretKeyRef getHmacSecretRef() {
    return hmacSecretRef;
  }

  public void setHmacSecretRef(SecretKeyRef hmacSecretRef) {
    this.hmacSecretRef = hmacSecretRef;
  }

  public String getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(String pollInterval) {
    this.pollInterval = pollInterval;
  }
}
