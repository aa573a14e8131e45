package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block Kit to a real HTTPS incoming-webhook stand-in, its URL read from a Secret. */
class SlackSenderTest {
  private static final TestCertificates CERTIFICATES = TestCertificates.mint();
  private static final String TOKEN_PATH = "/services/T000/B000/XXXXsecretXXXX";
  private TestHttpsReceiver receiver;
  private MapSecrets secrets;

  @BeforeEach
  void startTheReceiver() throws Exception {
    receiver = new TestHttpsReceiver(CERTIFICATES, request -> 200);
    secrets =
        new MapSecrets()
            .with("slack", "url", receiver.url(TOKEN_PATH).toString())
            .with("ca", "ca.crt", CERTIFICATES.caPem);
  }

  @AfterEach
  void stopTheReceiver() {
    receiver.close();
  }

  @Test
  void postsBlockKitWithAHeaderASectionAndAContextLine() throws Exception {
    DeliveryResult result =
        new ChannelSenders(secrets, Clock.systemUTC())
            .forChannel(TestChannels.slack())
            .send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.Delivered);
    TestHttpsReceiver.Request request = receiver.requests.get(0);
    assertThat(request.path()).isEqualTo(TOKEN_PATH);
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.get("text").asText()).isEqualTo("Service crm: restoration complete");
    assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
    assertThat(body.at("/blocks/1/type").asText()).isEqualTo("section");
    assertThat(body.at("/blocks/1/text/type").asText()).isEqualTo("mrkdwn");
    assertThat(body.at("/blocks/1/text/text").asText())
        .isEqualTo("Data center toronto is restored &amp; crm runs in chicago &lt;again&gt;.");
    assertThat(body.at("/blocks/2/elements/0/text").asText())
        .isEqualTo("shop/crm · Restored · 2026-11-23T10:42:00Z");
  }

  @Test
  void aFailureNamesOnlyTheHostNeverTheWebhookPath() throws Exception {
    receiver.close();
    receiver = new TestHttpsReceiver(CERTIFICATES, request -> 500);
    secrets.with("slack", "url", receiver.url(TOKEN_PATH).toString());

    DeliveryResult result =
        new ChannelSenders(secrets, Clock.systemUTC())
            .forChannel(TestChannels.slack())
            .send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(result.error()).contains("answered HTTP 500").doesNotContain("XXXXsecretXXXX");
  }

  @Test
  void aSecretThatIsNoHttpsUrlIsRefusedWithoutShowingIt() {
    secrets.with("slack", "url", "http://hooks.example/XXXXsecretXXXX");

    assertThatThrownBy(
            () -> new ChannelSenders(secrets, Clock.systemUTC()).forChannel(TestChannels.slack()))
        .isInstanceOf(ChannelUnusableException.class)
        .hasMessage(
            "spec.slack.urlSecretRef: the Secret's value must be an https:// URL with a host")
        .hasMessageNotContaining("XXXXsecretXXXX");
  }
}
