package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A channel's type, the configuration of that type, and the events it receives. */
@SchemaCustomizer(value = SetLists.class, input = "eventTypes")
@ValidationRule(
    value = "self.type != 'Webhook' || has(self.webhook)",
    fieldPath = ".webhook",
    message = "webhook must be set when type is Webhook")
@ValidationRule(
    value = "self.type != 'CloudEvents' || has(self.cloudEvents)",
    fieldPath = ".cloudEvents",
    message = "cloudEvents must be set when type is CloudEvents")
@ValidationRule(
    value = "self.type != 'Slack' || has(self.slack)",
    fieldPath = ".slack",
    message = "slack must be set when type is Slack")
@ValidationRule(
    value = "self.type != 'Email' || has(self.email)",
    fieldPath = ".email",
    message = "email must be set when type is Email")
@ValidationRule(
    value =
        "[has(self.webhook), has(self.cloudEvents), has(self.slack), has(self.email)]"
            + ".filter(set, set).size() <= 1",
    message =
        "only the configuration matching type may be set: one of webhook, cloudEvents, slack,"
            + " email")
public class NotificationChannelSpec {
  @Required
  @JsonPropertyDescription("Webhook, CloudEvents, Slack or Email; the matching field must be set.")
  private ChannelType type;

  @JsonPropertyDescription("Configuration of a Webhook channel.")
  private WebhookConfig webhook;

  @JsonPropertyDescription("Configuration of a CloudEvents channel.")
  private CloudEventsConfig cloudEvents;

  @JsonPropertyDescription("Configuration of a Slack channel.")
  private SlackConfig slack;

  @JsonPropertyDescription("Configuration of an Email channel.")
  private EmailConfig email;

  @Required
  @Size(min = 1, max = 11)
  @JsonPropertyDescription(
      "Events this channel receives: FailoverStarted, ServiceContinuing, SlaAtRisk, Restored,"
          + " SlaCreditDue, SecurityAlert, DisasterRecoveryActivated, DisasterRecoveryCleared,"
          + " DataCenterExcluded, DataCenterReadmitted, RestoreTestResult.")
  private List<NotificationEventType> eventTypes;

  @Default("en")
  @JsonPropertyDescription(
      "Language of the messages sent through this channel: en (English), de (German) or ja"
          + " (Japanese).")
  private NotificationLanguage language;

  public NotificationLanguage getLanguage() {
    return language;
  }

  public void setLanguage(NotificationLanguage language) {
    this.language = language;
  }

  public ChannelType getType() {
    return type;
  }

  public void setType(ChannelType type) {
    this.type = type;
  }

  public WebhookConfig getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookConfig webhook) {
    this.webhook = webhook;
  }

  public CloudEventsConfig getCloudEvents() {
    return cloudEvents;
  }

  public void setCloudEvents(CloudEventsConfig cloudEvents) {
    this.cloudEvents = cloudEvents;
  }

  public SlackConfig getSlack() {
    return slack;
  }

  public void setSlack(SlackConfig slack) {
    this.slack = slack;
  }

  public EmailConfig getEmail() {
    return email;
  }

  public void setEmail(EmailConfig email) {
    this.email = email;
  }

  public List<NotificationEventType> getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(List<NotificationEventType> eventTypes) {
    this.eventTypes = eventTypes;
  }
}
