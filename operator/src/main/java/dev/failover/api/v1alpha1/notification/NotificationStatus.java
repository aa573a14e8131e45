package dev.failover.api.v1alpha1.notification;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ConditionedStatus;
import dev.failover.api.v1alpha1.common.DeliveryAttempt;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Delivery progress of a notification. */
public class NotificationStatus extends ConditionedStatus {
  /** Most attempts kept in {@link #getAttempts()}; the dispatcher gives up before more. */
  public static final int ATTEMPTS_LIMIT = 20;

  @JsonPropertyDescription("Pending, Delivered or Failed.")
  private NotificationPhase phase;

  @Size(max = ATTEMPTS_LIMIT)
  @JsonPropertyDescription("Every delivery attempt, oldest first; at most 20.")
  private List<DeliveryAttempt> attempts = new ArrayList<>();

  @JsonPropertyDescription("When the channel accepted the notification (RFC 3339).")
  private String deliveredAt;

  @JsonPropertyDescription("When the next attempt is due, while Pending (RFC 3339).")
  private String nextAttemptAt;

  public NotificationPhase getPhase() {
    return phase;
  }

  public void setPhase(NotificationPhase phase) {
    this.phase = phase;
  }

  public List<DeliveryAttempt> getAttempts() {
    return attempts;
  }

  public void setAttempts(List<DeliveryAttempt> attempts) {
    this.attempts = attempts;
  }

  public String getDeliveredAt() {
    return deliveredAt;
  }

  public void setDeliveredAt(String deliveredAt) {
    this.deliveredAt = deliveredAt;
  }

  public String getNextAttemptAt() {
    return nextAttemptAt;
  }

  public void setNextAttemptAt(String nextAttemptAt) {
    this.nextAttemptAt = nextAttemptAt;
  }
}
