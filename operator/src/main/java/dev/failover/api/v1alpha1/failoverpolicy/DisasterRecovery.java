package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The catastrophe posture (Zscaler's disaster-recovery mode): once triggered, only the critical
 * applications run and egress follows the chosen mode, until the trigger is cleared.
 */
@SchemaCustomizer(value = SetLists.class, input = "allowlist")
@ValidationRule(
    value = "self.egress == 'ControlledFailOpen' || !has(self.allowlist)",
    fieldPath = ".allowlist",
    message = "allowlist is only allowed when egress is ControlledFailOpen")
@ValidationRule(
    value =
        "self.egress != 'ControlledFailOpen' || self.managedAllowlist || (has(self.allowlist) &&"
            + " size(self.allowlist) > 0)",
    fieldPath = ".allowlist",
    message =
        "allowlist must name at least one destination when egress is ControlledFailOpen and"
            + " managedAllowlist is false")
public class DisasterRecovery {
  /** An allowlist CIDR wider than this (0.0.0.0/0, ::/0, 0.0.0.0/1...) is refused. */
  private static final String WIDEST_PREFIX = "(cidr(e).ip().family() == 4 ? 8 : 16)";

  @Required
  @JsonPropertyDescription("What switches disaster-recovery mode on.")
  private DisasterRecoveryTrigger trigger;

  @Required
  @JsonPropertyDescription(
      "Egress in disaster-recovery mode: FailOpen (all allowed), ControlledFailOpen (only the"
          + " allowlist) or FailClosed (nothing allowed).")
  private EgressMode egress;

  @Size(max = 256)
  @ValidationRule(
      value = "self.all(e, !isCIDR(e) || cidr(e).prefixLength() >= " + WIDEST_PREFIX + ")",
      message =
          "must not allow a large part of the internet: an IPv4 CIDR wider than /8 or an IPv6 CIDR"
              + " wider than /16 (0.0.0.0/0, ::/0) is fail-open in disguise")
  @JsonPropertyDescription(
      "ControlledFailOpen only: the customer's critical destinations, as IPv4/IPv6 addresses or"
          + " CIDRs, or hostnames (*.example.com for all subdomains).")
  private List<
          @Pattern(ValuePatterns.EGRESS_DESTINATION) @Size(max = ValuePatterns.HOST_MAX_LENGTH)
          String>
      allowlist;

  @Default("true")
  @JsonPropertyDescription(
      "ControlledFailOpen: also allow the operator's managed list of critical destinations"
          + " (cluster DNS, the data centers' API servers).")
  private Boolean managedAllowlist;

  @Default("1h")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("How often the allowlist's hostnames are resolved again, as a duration.")
  private String allowlistRefreshInterval;

  public DisasterRecoveryTrigger getTrigger() {
    return trigger;
  }

  public void setTrigger(DisasterRecoveryTrigger trigger) {
    this.trigger = trigger;
  }

  public EgressMode getEgress() {
    return egress;
  }

  public void setEgress(EgressMode egress) {
    this.egress = egress;
  }

  public List<String> getAllowlist() {
    return allowlist;
  }

  public void setAllowlist(List<String> allowlist) {
    this.allowlist = allowlist;
  }

  public Boolean getManagedAllowlist() {
    return managedAllowlist;
  }

  public void setManagedAllowlist(Boolean managedAllowlist) {
    this.managedAllowlist = managedAllowlist;
  }

  public String getAllowlistRefreshInterval() {
    return allowlistRefreshInterval;
  }

  public void setAllowlistRefreshInterval(String allowlistRefreshInterval) {
    this.allowlistRefreshInterval = allowlistRefreshInterval;
  }
}
