package dev.failover.api.v1alpha1.chaosrestoretest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One injected fault and how the workload recovered from it. */
public class FaultRecord {
  @JsonPropertyDescription("The kind of fault.")
  private FaultKind kind;

  @JsonPropertyDescription("The object hit, as kind/name, e.g. Deployment/crm-web.")
  private String target;

  @JsonPropertyDescription("When the fault was injected (RFC 3339).")
  private String injectedAt;

  @JsonPropertyDescription("When the workload was Available again (RFC 3339); unset if it was not.")
  private String recoveredAt;

  @JsonPropertyDescription("injectedAt to recoveredAt, in seconds.")
  private Double recoverySeconds;

  @JsonPropertyDescription(
      "Recovered (within maxRecoveryTime), TooSlow or NotRecovered; unset while recovering.")
  private FaultVerdict verdict;

  public FaultKind getKind() {
    return kind;
  }

  public void setKind(FaultKind kind) {
    this.kind = kind;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getInjectedAt() {
    return injectedAt;
  }

  public void setInjectedAt(String injectedAt) {
    this.injectedAt = injectedAt;
  }

  public String getRecoveredAt() {
    return recoveredAt;
  }

  public void setRecoveredAt(String recoveredAt) {
    this.recoveredAt = recoveredAt;
  }

  public Double getRecoverySeconds() {
    return recoverySeconds;
  }

  public void setRecoverySeconds(Double recoverySeconds) {
    this.recoverySeconds = recoverySeconds;
  }

  public FaultVerdict getVerdict() {
    return verdict;
  }

  public void setVerdict(FaultVerdict verdict) {
    this.verdict = verdict;
  }
}
