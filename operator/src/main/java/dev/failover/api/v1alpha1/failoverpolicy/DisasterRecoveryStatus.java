package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Disaster-recovery mode as the operator keeps it, so a restarted operator neither switches modes
 * nor accepts a replayed value: the mode and since when, what the signed DNS record last set, and
 * what the mode changed in the data centers.
 */
public class DisasterRecoveryStatus {
  /** Problems kept in status; the rest are in the log. */
  public static final int MAX_EGRESS_PROBLEMS = 20;

  @JsonPropertyDescription("Whether disaster-recovery mode is on.")
  private Boolean active;

  @JsonPropertyDescription("When the mode took its current value (RFC 3339).")
  private String since;

  @JsonPropertyDescription(
      "Why the mode is what it is: ManualSwitch, SignedRecord or NormalOperation.")
  private String reason;

  @JsonPropertyDescription(
      "The mode the signed DNS TXT record last set (on or off); absent before any value switched"
          + " it.")
  private TriggerRecordMode recordMode;

  @JsonPropertyDescription(
      "The signing time (ts) of the record value that last switched modes: a value that would"
          + " switch again must be signed after it, so an old value replayed changes nothing.")
  private String recordSwitchedBy;

  @JsonPropertyDescription("When the trigger's DNS name was last asked (RFC 3339).")
  private String lastPoll;

  @JsonPropertyDescription(
      "What the last poll found: Verified, ValueRefused, NoSuchName, ResolverError,"
          + " ResolverUnreachable, KeyMissing or KeyForbidden.")
  private String lastPollResult;

  @JsonPropertyDescription("The signing time of the newest value that verified at the last poll.")
  private String lastVerifiedSignedAt;

  @Size(max = 50)
  @JsonPropertyDescription(
      "The Deployments and StatefulSets held at zero replicas because they are not critical"
          + " applications; they get their declared replicas back when the mode ends.")
  private List<String> heldAtZero = new ArrayList<>();

  @Size(max = 64)
  @JsonPropertyDescription(
      "The data centers where the disaster-recovery egress posture was put on; it is taken off"
          + " there when the mode ends.")
  private List<String> egressDataCenters = new ArrayList<>();

  @Size(max = MAX_EGRESS_PROBLEMS)
  @JsonPropertyDescription(
      "What the egress posture allows less than the spec asks, per data center: a hostname with"
          + " no answer (its last addresses are kept), a wildcard NetworkPolicy cannot express, a"
          + " failed refresh of the managed list (the last good list is kept). Empty when complete.")
  private List<String> egressProblems = new ArrayList<>();

  public Boolean getActive() {
    return active;
  }

  public void setActive(Boolean active) {
    this.active = active;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public TriggerRecordMode getRecordMode() {
    return recordMode;
  }

  public void setRecordMode(TriggerRecordMode recordMode) {
    this.recordMode = recordMode;
  }

  public String getRecordSwitchedBy() {
    return recordSwitchedBy;
  }

  public void setRecordSwitchedBy(String recordSwitchedBy) {
    this.recordSwitchedBy = recordSwitchedBy;
  }

  public String getLastPoll() {
    return lastPoll;
  }

  public void setLastPoll(String lastPoll) {
    this.lastPoll = lastPoll;
  }

  public String getLastPollResult() {
    return lastPollResult;
  }

  public void setLastPollResult(String lastPollResult) {
    this.lastPollResult = lastPollResult;
  }

  public String getLastVerifiedSignedAt() {
    return lastVerifiedSignedAt;
  }

  public void setLastVerifiedSignedAt(String lastVerifiedSignedAt) {
    this.lastVerifiedSignedAt = lastVerifiedSignedAt;
  }

  public List<String> getEgressProblems() {
    return egressProblems;
  }

  public void setEgressProblems(List<String> egressProblems) {
    this.egressProblems = egressProblems;
  }

  public List<String> getHeldAtZero() {
    return heldAtZero;
  }

  public void setHeldAtZero(List<String> heldAtZero) {
    this.heldAtZero = heldAtZero;
  }

  public List<String> getEgressDataCenters() {
    return egressDataCenters;
  }

  public void setEgressDataCenters(List<String> egressDataCenters) {
    this.egressDataCenters = egressDataCenters;
  }
}
