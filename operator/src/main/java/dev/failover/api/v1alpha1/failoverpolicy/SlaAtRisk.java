package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An "SLA at risk" alert, raised and not yet cleared. */
public class SlaAtRisk {
  @JsonPropertyDescription("When it was raised (RFC 3339, UTC); names the occurrence.")
  private String raisedAt;

  @JsonPropertyDescription(
      "The most severe burn-rate window that fired since: 1h/5m or 6h/30m (page), 3d/6h"
          + " (ticket).")
  private String window;

  @JsonPropertyDescription(
      "The last time a window fired (RFC 3339); it clears 15 minutes after, if none fires again.")
  private String lastFiringAt;

  public String getRaisedAt() {
    return raisedAt;
  }

  public void setRaisedAt(String raisedAt) {
    this.raisedAt = raisedAt;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public String getLastFiringAt() {
    return lastFiringAt;
  }

  public void setLastFiringAt(String lastFiringAt) {
    this.lastFiringAt = lastFiringAt;
  }
}
