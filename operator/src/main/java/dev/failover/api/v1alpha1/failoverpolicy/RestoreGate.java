package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A data center this policy keeps out of production until a ChaosRestoreTest passes there
 * (failback.requireRestoreTest): it blacked out while the policy was active in it.
 */
public class RestoreGate {
  @JsonPropertyDescription("The data center held out.")
  private String dataCenter;

  @JsonPropertyDescription("AwaitingRestoration, AwaitingTest or TestFailed.")
  private RestoreGateState state;

  @JsonPropertyDescription("When it became unreachable (RFC 3339).")
  private String blackoutAt;

  @JsonPropertyDescription(
      "When it was seen back (its phase left Unreachable; RFC 3339). Only a test completed after"
          + " this counts.")
  private String restoredAt;

  @JsonPropertyDescription("The ChaosRestoreTest the operator created for this restoration.")
  private String test;

  @JsonPropertyDescription("What it waits for, or why its test failed, for people.")
  private String message;

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public RestoreGateState getState() {
    return state;
  }

  public void setState(RestoreGateState state) {
    this.state = state;
  }

  public String getBlackoutAt() {
    return blackoutAt;
  }

  public void setBlackoutAt(String blackoutAt) {
    this.blackoutAt = blackoutAt;
  }

  public String getRestoredAt() {
    return restoredAt;
  }

  public void setRestoredAt(String restoredAt) {
    this.restoredAt = restoredAt;
  }

  public String getTest() {
    return test;
  }

  public void setTest(String test) {
    this.test = test;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
