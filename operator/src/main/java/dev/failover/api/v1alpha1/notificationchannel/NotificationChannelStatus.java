package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ConditionedStatus;
import dev.failover.api.v1alpha1.common.DeliveryAttempt;

/** The channel's last delivery; Ready is False while its configuration or secret is unusable. */
public class NotificationChannelStatus extends ConditionedStatus {
  @JsonPropertyDescription("The last delivery attempt made through this channel.")
  private DeliveryAttempt lastDelivery;

  @JsonPropertyDescription("The Notification the last attempt delivered.")
  private String lastNotification;

  public DeliveryAttempt getLastDelivery() {
    return lastDelivery;
  }

  public void setLastDelivery(DeliveryAttempt lastDelivery) {
    this.lastDelivery = lastDelivery;
  }

  public String getLastNotification() {
    return lastNotification;
  }

  public void setLastNotification(String lastNotification) {
    this.lastNotification = lastNotification;
  }
}
