package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How customers reach the workload: the DNS record that follows the active data center. */
public class Traffic {
  /** Appended to {@code <policy>.<namespace>} when {@link #getDnsName()} is absent. */
  public static final String DEFAULT_DNS_DOMAIN = "failover.internal";

  @Pattern(ValuePatterns.DNS_NAME)
  @Size(max = ValuePatterns.DNS_NAME_MAX_LENGTH)
  @JsonPropertyDescription(
      "Fully qualified DNS name, e.g. crm.shop.example, that the operator publishes as an"
          + " external-dns DNSEndpoint pointing at the active data center's ingressAddress (an A"
          + " record for an IPv4 address, else a CNAME; TTL 30 s). Lowercase, at least two"
          + " labels, no trailing dot. Default: <policy name>.<namespace>.failover.internal, in"
          + " the private-use .internal domain, which no public resolver answers: set a name in"
          + " a zone your external-dns manages for customers to use it. A policy whose default"
          + " would exceed 253 characters must set it.")
  private String dnsName;

  public String getDnsName() {
    return dnsName;
  }

  public void setDnsName(String dnsName) {
    this.dnsName = dnsName;
  }
}
