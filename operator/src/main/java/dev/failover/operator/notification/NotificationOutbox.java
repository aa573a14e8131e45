package dev.failover.operator.notification;

import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.notification.Audience;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notification.NotificationSpec;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationLanguage;
import dev.failover.core.notification.Audiences;
import dev.failover.core.notification.NotificationIdentity;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the operator tells of a moment: one Notification per NotificationChannel in the policy's
 * namespace that subscribes to its type, written first and delivered afterwards by {@link
 * NotificationReconciler}. Each is named by {@link NotificationIdentity}, so publishing the same
 * moment again creates nothing (the API server's AlreadyExists is the answer, and success). The
 * message is rendered here, in the channel's language, and stored: what is delivered is what was
 * decided when it happened. Each Notification is owned by the policy: deleting the policy deletes
 * its notifications, delivered or not; retention deletes them earlier. The channels come from a
 * {@link ChannelDirectory}, and the policy is read only when one of them subscribes.
 */
public class NotificationOutbox {
  private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

  /** Finds a channel's notifications: {@code kubectl get notif -l failover.dev/channel=mail}. */
  public static final String CHANNEL_LABEL = "failover.dev/channel";

  private final KubernetesClient hub;
  private final MessageTemplates templates;
  private final ChannelDirectory channels;

  /** An outbox that lists the channels at each moment. */
  public NotificationOutbox(KubernetesClient hub, MessageTemplates templates) {
    this(hub, templates, ChannelDirectory.listed(hub));
  }

  public NotificationOutbox(
      KubernetesClient hub, MessageTemplates templates, ChannelDirectory channels) {
    this.hub = hub;
    this.templates = templates;
    this.channels = channels;
  }

  /**
   * Writes the moment's Notifications. Safe to call again for the same moment.
   *
   * @throws KubernetesClientException when the hub refuses a write for another reason than the
   *     Notification existing; the caller's reconcile retries
   */
  public void publish(PolicyMoment moment) {
    List<NotificationChannel> subscribed =
        channels.in(moment.namespace()).stream()
            .filter(channel -> subscribes(channel, moment))
            .toList();
    if (subscribed.isEmpty()) {
      return; // nobody to tell: the policy is not read either
    }
    Optional<FailoverPolicy> policy =
        Optional.ofNullable(
            hub.resources(FailoverPolicy.class)
                .inNamespace(moment.namespace())
                .withName(moment.policyName())
                .get());
    if (policy.isEmpty()) {
      log.info(
          "{} for policy {}/{} not published: the policy does not exist",
          moment.type(),
          moment.namespace(),
          moment.policyName());
      return;
    }
    for (NotificationChannel channel : subscribed) {
      create(notification(moment, policy.get(), channel));
    }
  }

  private static boolean subscribes(NotificationChannel channel, PolicyMoment moment) {
    return channel.getSpec() != null
        && channel.getSpec().getEventTypes() != null
        && channel.getSpec().getEventTypes().contains(moment.type())
        && channel.getMetadata().getDeletionTimestamp() == null;
  }

  private Notification notification(
      PolicyMoment moment, FailoverPolicy policy, NotificationChannel channel) {
    String channelName = channel.getMetadata().getName();
    NotificationIdentity identity = NotificationIdentity.of(moment, channelName);
    Audience audience = Audiences.of(moment.type());
    NotificationLanguage language =
        Optional.ofNullable(channel.getSpec().getLanguage()).orElse(NotificationLanguage.en);
    NotificationSpec spec = new NotificationSpec();
    spec.setType(moment.type());
    spec.setPolicyRef(new LocalObjectRef(moment.policyName()));
    spec.setChannelRef(new LocalObjectRef(channelName));
    spec.setAudience(audience);
    spec.setMessage(templates.render(moment, audience, language).text());
    spec.setSlaTerms(moment.slaCredit());
    spec.setIdempotencyKey(identity.idempotencyKey());
    spec.setOccurredAt(moment.occurredAt().truncatedTo(ChronoUnit.SECONDS).toString());
    Notification notification = new Notification();
    notification.setMetadata(
        new ObjectMetaBuilder()
            .withName(identity.name())
            .withNamespace(moment.namespace())
            .withLabels(labels(policy, channelName))
            // No blockOwnerDeletion: setting it needs update rights on failoverpolicies/finalizers.
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(policy.getApiVersion())
                    .withKind(policy.getKind())
                    .withName(policy.getMetadata().getName())
                    .withUid(policy.getMetadata().getUid())
                    .build())
            .build());
    notification.setSpec(spec);
    return notification;
  }

  private static Map<String, String> labels(FailoverPolicy policy, String channel) {
    Map<String, String> labels = new java.util.HashMap<>(PolicyLabels.of(policy));
    labels.put(CHANNEL_LABEL, PolicyLabels.labelValue(channel));
    return labels;
  }

  private void create(Notification notification) {
    try {
      hub.resource(notification).create();
      log.info(
          "Notification {}/{} written: {} through channel {}",
          notification.getMetadata().getNamespace(),
          notification.getMetadata().getName(),
          notification.getSpec().getType(),
          notification.getSpec().getChannelRef().getName());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      // Already written for this moment: at most one per moment and channel.
    }
  }
}
