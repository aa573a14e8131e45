package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Where customer notifications go. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("nc")
@Categories("failover")
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A channel customer notifications are delivered through: an"
            + " HMAC-signed webhook, a CloudEvents sink, a Slack-compatible incoming webhook or"
            + " e-mail over SMTP, and the event types it receives.\"}")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Last-Delivery",
    jsonPath = ".status.lastDelivery.time",
    type = Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class NotificationChannel
    extends CustomResource<NotificationChannelSpec, NotificationChannelStatus>
    implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("The channel's type, configuration and subscribed event types.")
  public NotificationChannelSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("The last delivery and conditions; written by the operator.")
  public NotificationChannelStatus getStatus() {
    return super.getStatus();
  }
}
