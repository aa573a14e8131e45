package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.notificationchannel.ChannelType;
import dev.failover.api.v1alpha1.notificationchannel.CloudEventsConfig;
import dev.failover.api.v1alpha1.notificationchannel.CloudEventsMode;
import dev.failover.api.v1alpha1.notificationchannel.EmailConfig;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelSpec;
import dev.failover.api.v1alpha1.notificationchannel.SlackConfig;
import dev.failover.api.v1alpha1.notificationchannel.WebhookConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.net.URI;
import java.util.List;

/** NotificationChannels as the tests configure them, with a CA bundle in Secret "ca". */
final class TestChannels {
  private TestChannels() {}

  static NotificationChannel webhook(URI url) {
    WebhookConfig config = new WebhookConfig();
    config.setUrl(url.toString());
    config.setHmacSecretRef(Deliveries.ref("hmac", "key"));
    config.setCaBundleSecretRef(Deliveries.ref("ca", "ca.crt"));
    NotificationChannelSpec spec = spec(ChannelType.Webhook);
    spec.setWebhook(config);
    return channel(spec);
  }

  static NotificationChannel cloudEvents(URI url, CloudEventsMode mode) {
    CloudEventsConfig config = new CloudEventsConfig();
    config.setUrl(url.toString());
    config.setSource("/failover/shop");
    config.setMode(mode);
    config.setCaBundleSecretRef(Deliveries.ref("ca", "ca.crt"));
    NotificationChannelSpec spec = spec(ChannelType.CloudEvents);
    spec.setCloudEvents(config);
    return channel(spec);
  }

  static NotificationChannel slack() {
    SlackConfig config = new SlackConfig();
    config.setUrlSecretRef(Deliveries.ref("slack", "url"));
    config.setCaBundleSecretRef(Deliveries.ref("ca", "ca.crt"));
    NotificationChannelSpec spec = spec(ChannelType.Slack);
    spec.setSlack(config);
    return channel(spec);
  }

  static NotificationChannel email(int port, boolean withCredentials) {
    EmailConfig config = new EmailConfig();
    config.setSmtpHost("127.0.0.1");
    config.setSmtpPort(port);
    config.setStartTls(true);
    config.setFrom("status@provider.example");
    config.setTo(List.of("it@customer.example"));
    config.setCaBundleSecretRef(Deliveries.ref("ca", "ca.crt"));
    if (withCredentials) {
      config.setCredentialsSecretRef(new LocalObjectRef("smtp"));
    }
    NotificationChannelSpec spec = spec(ChannelType.Email);
    spec.setEmail(config);
    return channel(spec);
  }

  private static NotificationChannelSpec spec(ChannelType type) {
    NotificationChannelSpec spec = new NotificationChannelSpec();
    spec.setType(type);
    spec.setEventTypes(List.of(NotificationEventType.Restored));
    return spec;
  }

  private static NotificationChannel channel(NotificationChannelSpec spec) {
    NotificationChannel channel = new NotificationChannel();
    channel.setMetadata(
        new ObjectMetaBuilder().withName("customers").withNamespace("shop").build());
    channel.setSpec(spec);
    return channel;
  }
}
