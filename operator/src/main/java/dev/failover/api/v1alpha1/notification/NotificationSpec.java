package dev.failover.api.v1alpha1.notification;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.schema.DateTimes;
import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What happened, whom to tell and through which channel. A record of an event: immutable. */
@ValidationRule(
    value = "self == oldSelf",
    message = "spec is immutable: a Notification records one event; create a new one instead")
@SchemaCustomizer(value = DateTimes.class, input = "occurredAt")
@ValidationRule(
    value = "self.type != 'SlaCreditDue' || has(self.slaTerms)",
    fieldPath = ".slaTerms",
    message = "slaTerms is required when type is SlaCreditDue: the customer is told what is due")
public class NotificationSpec {
  @Required
  @JsonPropertyDescription(
      "The event: FailoverStarted, ServiceContinuing, SlaAtRisk, Restored, SlaCreditDue,"
          + " SecurityAlert, DisasterRecoveryActivated, DisasterRecoveryCleared,"
          + " DataCenterExcluded, DataCenterReadmitted or RestoreTestResult.")
  private NotificationEventType type;

  @Required
  @JsonPropertyDescription("The FailoverPolicy, in this namespace, the event is about.")
  private LocalObjectRef policyRef;

  @Required
  @JsonPropertyDescription("The NotificationChannel, in this namespace, to deliver through.")
  private LocalObjectRef channelRef;

  @Default("Customers")
  @JsonPropertyDescription("Customers or Provider.")
  private Audience audience;

  @Required
  @Size(min = 1, max = 4096)
  @JsonPropertyDescription("The text for people, e.g. 'Service continues in chicago'.")
  private String message;

  @JsonPropertyDescription("The SLA remedy due, for Restored and SlaCreditDue notifications.")
  private SlaCredit slaTerms;

  @Required
  @Pattern(ValuePatterns.IDENTIFIER)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription(
      "Key sent with every delivery attempt so receivers can drop duplicates (delivery is at"
          + " least once).")
  private String idempotencyKey;

  @Required
  @Pattern(ValuePatterns.RFC3339)
  @Size(max = ValuePatterns.RFC3339_MAX_LENGTH)
  @JsonPropertyDescription("When the event happened, as an RFC 3339 timestamp.")
  private String occurredAt;

  public NotificationEventType getType() {
    return type;
  }

  public void setType(NotificationEventType type) {
    this.type = type;
  }

  public LocalObjectRef getPolicyRef() {
    return policyRef;
  }

  public void setPolicyRef(LocalObjectRef policyRef) {
    this.policyRef = policyRef;
  }

  public LocalObjectRef getChannelRef() {
    return channelRef;
  }

  public void setChannelRef(LocalObjectRef channelRef) {
    this.channelRef = channelRef;
  }

  public Audience getAudience() {
    return audience;
  }

  public void setAudience(Audience audience) {
    this.audience = audience;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public SlaCredit getSlaTerms() {
    return slaTerms;
  }

  public void setSlaTerms(SlaCredit slaTerms) {
    this.slaTerms = slaTerms;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public String getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(String occurredAt) {
    this.occurredAt = occurredAt;
  }
}
