package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA ledger, persisted so a restarted operator loses nothing: the downtime the current and
 * previous month and the rolling 30 days need, and the final figures of up to 13 closed months.
 * Everything is in UTC; see docs/sla.md.
 */
public class SlaLedgerStatus {
  @JsonPropertyDescription(
      "When the workload first served (RFC 3339, UTC); availability is measured from then.")
  private String since;

  @JsonPropertyDescription(
      "The ledger's last kept observation (RFC 3339, UTC), refreshed every 30 s. A longer silence"
          + " before the next one, with the workload not up at either end, is recorded as"
          + " Unknown.")
  private String heartbeat;

  @JsonPropertyDescription("What the observation at heartbeat found: Up, Down or Unknown.")
  private SlaServiceState heartbeatState;

  @Size(max = 100)
  @JsonPropertyDescription("Downtime, oldest first; only the last may be open.")
  private List<SlaDowntime> downtime = new ArrayList<>();

  @Size(max = 13)
  @JsonPropertyDescription("Closed calendar months, newest first; at most 13.")
  private List<SlaMonth> months = new ArrayList<>();

  @JsonPropertyDescription("The SLA at risk, while raised.")
  private SlaAtRisk atRisk;

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public String getHeartbeat() {
    return heartbeat;
  }

  public void setHeartbeat(String heartbeat) {
    this.heartbeat = heartbeat;
  }

  public SlaServiceState getHeartbeatState() {
    return heartbeatState;
  }

  public void setHeartbeatState(SlaServiceState heartbeatState) {
    this.heartbeatState = heartbeatState;
  }

  public List<SlaDowntime> getDowntime() {
    return downtime;
  }

  public void setDowntime(List<SlaDowntime> downtime) {
    this.downtime = downtime;
  }

  public List<SlaMonth> getMonths() {
    return months;
  }

  public void setMonths(List<SlaMonth> months) {
    this.months = months;
  }

  public SlaAtRisk getAtRisk() {
    return atRisk;
  }

  public void setAtRisk(SlaAtRisk atRisk) {
    this.atRisk = atRisk;
  }
}
