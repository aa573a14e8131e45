package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.notificationchannel.CloudEventsConfig;
import dev.failover.api.v1alpha1.notificationchannel.CloudEventsMode;
import dev.failover.api.v1alpha1.notificationchannel.EmailConfig;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelSpec;
import dev.failover.api.v1alpha1.notificationchannel.SlackConfig;
import dev.failover.api.v1alpha1.notificationchannel.WebhookConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * Builds the sender a NotificationChannel describes, reading its Secrets: the one place that turns
 * a channel's spec into something that sends. The channel reconciler calls it to tell whether the
 * channel is Ready; the Notification reconciler to deliver.
 */
public final class ChannelSenders {
  private final ChannelSecrets secrets;
  private final Clock clock;

  public ChannelSenders(ChannelSecrets secrets, Clock clock) {
    this.secrets = secrets;
    this.clock = clock;
  }

  public ChannelSender forChannel(NotificationChannel channel) throws ChannelUnusableException {
    String namespace = channel.getMetadata().getNamespace();
    NotificationChannelSpec spec = channel.getSpec();
    if (spec == null || spec.getType() == null) {
      throw new ChannelUnusableException("ConfigurationMissing", "spec.type is not set");
    }
    return switch (spec.getType()) {
      case Webhook -> webhook(namespace, required(spec.getWebhook(), "spec.webhook"));
      case CloudEvents ->
          cloudEvents(namespace, required(spec.getCloudEvents(), "spec.cloudEvents"));
      case Slack -> slack(namespace, required(spec.getSlack(), "spec.slack"));
      case Email -> email(namespace, required(spec.getEmail(), "spec.email"));
    };
  }

  private ChannelSender webhook(String namespace, WebhookConfig config)
      throws ChannelUnusableException {
    String key = secrets.read(namespace, config.getHmacSecretRef(), "spec.webhook.hmacSecretRef");
    if (key.isEmpty()) {
      throw new ChannelUnusableException(
          "HmacKeyEmpty", "spec.webhook.hmacSecretRef: the HMAC key is empty");
    }
    return new WebhookSender(
        url(config.getUrl(), "spec.webhook.url"),
        key.getBytes(StandardCharsets.UTF_8),
        new HttpPost(tls(namespace, config.getCaBundleSecretRef(), "spec.webhook")),
        clock);
  }

  private ChannelSender cloudEvents(String namespace, CloudEventsConfig config)
      throws ChannelUnusableException {
    return new CloudEventsSender(
        url(config.getUrl(), "spec.cloudEvents.url"),
        config.getSource(),
        config.getMode() == null ? CloudEventsMode.Binary : config.getMode(),
        new HttpPost(tls(namespace, config.getCaBundleSecretRef(), "spec.cloudEvents")));
  }

  private ChannelSender slack(String namespace, SlackConfig config)
      throws ChannelUnusableException {
    String field = "spec.slack.urlSecretRef";
    String url = secrets.read(namespace, config.getUrlSecretRef(), field).trim();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // Never the value: the URL is the credential.
      throw new ChannelUnusableException("UrlInvalid", field + ": the Secret's value is not a URL");
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ChannelUnusableException(
          "UrlInvalid", field + ": the Secret's value must be an https:// URL with a host");
    }
    return new SlackSender(
        uri, new HttpPost(tls(namespace, config.getCaBundleSecretRef(), "spec.slack")));
  }

  private ChannelSender email(String namespace, EmailConfig config)
      throws ChannelUnusableException {
    boolean startTls = config.getStartTls() == null || config.getStartTls();
    String username = null;
    String password = null;
    LocalObjectRef credentials = config.getCredentialsSecretRef();
    if (credentials != null) {
      String field = "spec.email.credentialsSecretRef";
      username = secrets.read(namespace, key(credentials, "username"), field);
      password = secrets.read(namespace, key(credentials, "password"), field);
    }
    return new EmailSender(
        new EmailSender.Smtp(
            config.getSmtpHost(),
            config.getSmtpPort() == null ? 587 : config.getSmtpPort(),
            startTls,
            tls(namespace, config.getCaBundleSecretRef(), "spec.email"),
            config.getFrom(),
            config.getTo(),
            username,
            password));
  }

  private SSLContext tls(String namespace, SecretKeyRef bundle, String config)
      throws ChannelUnusableException {
    if (bundle == null) {
      return TrustedCertificates.defaults();
    }
    String field = config + ".caBundleSecretRef";
    return TrustedCertificates.of(
        secrets.read(namespace, bundle, field),
        field + " (Secret " + namespace + "/" + bundle.getName() + " key " + bundle.getKey() + ")");
  }

  private static SecretKeyRef key(LocalObjectRef secret, String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName(secret.getName());
    ref.setKey(key);
    return ref;
  }

  private static URI url(String url, String field) throws ChannelUnusableException {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new ChannelUnusableException(
            "UrlInvalid", field + " must be an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ChannelUnusableException("UrlInvalid", field + " is not a URL");
    }
  }

  private static <T> T required(T config, String field) throws ChannelUnusableException {
    if (config == null) {
      throw new ChannelUnusableException("ConfigurationMissing", field + " is not set");
    }
    return config;
  }
}
