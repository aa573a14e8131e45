package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.failover.api.v1alpha1.notificationchannel.CloudEventsMode;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A channel that cannot send says why, naming the field and Secret, never a value. */
class ChannelSendersTest {
  private static final URI URL = URI.create("https://hooks.example/in");

  @Test
  void aMissingHmacSecretNamesTheFieldAndTheSecret() {
    ChannelUnusableException problem =
        catchThrowableOfType(
            ChannelUnusableException.class,
            () ->
                new ChannelSenders(new MapSecrets(), Clock.systemUTC())
                    .forChannel(TestChannels.webhook(URL)));

    assertThat(problem.reason()).isEqualTo("SecretNotFound");
    assertThat(problem.getMessage())
        .isEqualTo("spec.webhook.hmacSecretRef: Secret shop/hmac does not exist");
  }

  @Test
  void aCaBundleWithoutCertificatesIsRefusedWithoutShowingIt() {
    MapSecrets secrets =
        new MapSecrets().with("hmac", "key", "k").with("ca", "ca.crt", "not-a-pem-sekrit");

    ChannelUnusableException problem =
        catchThrowableOfType(
            ChannelUnusableException.class,
            () ->
                new ChannelSenders(secrets, Clock.systemUTC())
                    .forChannel(TestChannels.cloudEvents(URL, CloudEventsMode.Binary)));

    assertThat(problem.reason()).isEqualTo("CaBundleInvalid");
    assertThat(problem.getMessage())
        .contains("spec.cloudEvents.caBundleSecretRef (Secret shop/ca key ca.crt)")
        .doesNotContain("not-a-pem-sekrit");
  }

  @Test
  void anEmptyHmacKeyIsRefused() {
    MapSecrets secrets = new MapSecrets().with("hmac", "key", "");

    ChannelUnusableException problem =
        catchThrowableOfType(
            ChannelUnusableException.class,
            () ->
                new ChannelSenders(secrets, Clock.systemUTC())
                    .forChannel(TestChannels.webhook(URL)));

    assertThat(problem.reason()).isEqualTo("HmacKeyEmpty");
  }

  @Test
  void missingSmtpCredentialsNameTheSecret() {
    MapSecrets secrets = new MapSecrets().with("ca", "ca.crt", TestCertificates.mint().caPem);

    ChannelUnusableException problem =
        catchThrowableOfType(
            ChannelUnusableException.class,
            () ->
                new ChannelSenders(secrets, Clock.systemUTC())
                    .forChannel(TestChannels.email(25, true)));

    assertThat(problem.getMessage())
        .isEqualTo("spec.email.credentialsSecretRef: Secret shop/smtp does not exist");
  }

  @Test
  void aDestinationResolvingToALinkLocalAddressIsNotConnectedTo() {
    assertThat(Destinations.refusal("169.254.169.254"))
        .isEqualTo("169.254.169.254 resolves to 169.254.169.254, a link-local or metadata address");
    assertThat(Destinations.refusal("metadata.google.internal")).contains("metadata");
    assertThat(Destinations.refusal("127.0.0.1")).isNull();
  }

  @Test
  void messagesShowOnlySchemeHostAndPort() {
    assertThat(Destinations.describe(URI.create("https://u:p@hooks.example:8443/T0/B0/secret?x=1")))
        .isEqualTo("https://hooks.example:8443");
  }
}
