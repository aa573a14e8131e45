package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One stretch of downtime in the SLA ledger, [start, end) in UTC. */
public class SlaDowntime {
  @JsonPropertyDescription("Down (observed) or Unknown (not observed; counted as down).")
  private SlaDowntimeKind kind;

  @JsonPropertyDescription("When it began (RFC 3339, UTC).")
  private String start;

  @JsonPropertyDescription("When it ended (RFC 3339, UTC); absent while it goes on.")
  private String end;

  public SlaDowntime() {}

  public SlaDowntime(SlaDowntimeKind kind, String start, String end) {
    this.kind = kind;
    this.start = start;
    this.end = end;
  }

  public SlaDowntimeKind getKind() {
    return kind;
  }

  public void setKind(SlaDowntimeKind kind) {
    this.kind = kind;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }
}
