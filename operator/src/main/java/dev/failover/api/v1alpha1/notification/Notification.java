package dev.failover.api.v1alpha1.notification;

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

/** One customer notification in the durable outbox. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("notif")
@Categories("failover")
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"One customer notification, kept as a durable outbox entry so that"
            + " an operator restart loses nothing: its event type, policy, channel, audience,"
            + " message and SLA terms, and every delivery attempt. Delivery is at least once;"
            + " receivers deduplicate with spec.idempotencyKey. The spec is immutable.\"}")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = Type.STRING)
@AdditionalPrinterColumn(name = "Channel", jsonPath = ".spec.channelRef.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Delivered", jsonPath = ".status.deliveredAt", type = Type.DATE)
@AdditionalPrinterColumn(
    name = "Policy",
    jsonPath = ".spec.policyRef.name",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class Notification extends CustomResource<NotificationSpec, NotificationStatus>
    implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("What to tell whom, through which channel; immutable.")
  public NotificationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Delivery progress; written by the operator.")
  public NotificationStatus getStatus() {
    return super.getStatus();
  }
}
