package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.operator.notification.channels.WebhookVerifier.Verdict;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sender against a real HTTPS receiver on 127.0.0.1 that verifies the signature. */
class WebhookSenderTest {
  private static final String KEY = "hmac-key-that-must-never-show";
  private static final TestCertificates CERTIFICATES = TestCertificates.mint();

  private final WebhookVerifier verifier =
      new WebhookVerifier(
          KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC());
  private final AtomicInteger status = new AtomicInteger(204);
  private TestHttpsReceiver receiver;
  private MapSecrets secrets;

  @BeforeEach
  void startTheReceiver() throws Exception {
    receiver =
        new TestHttpsReceiver(
            CERTIFICATES,
            request ->
                verifier.verify(
                            request.header(WebhookSignature.TIMESTAMP),
                            request.header(WebhookSignature.SIGNATURE),
                            request.header(WebhookSignature.IDEMPOTENCY_KEY),
                            request.body())
                        == Verdict.BAD_SIGNATURE
                    ? 401
                    : status.get());
    secrets = new MapSecrets().with("hmac", "key", KEY).with("ca", "ca.crt", CERTIFICATES.caPem);
  }

  @AfterEach
  void stopTheReceiver() {
    receiver.close();
  }

  private ChannelSender sender(URI url) throws ChannelUnusableException {
    return new ChannelSenders(secrets, Clock.systemUTC()).forChannel(TestChannels.webhook(url));
  }

  @Test
  void aSignedNotificationIsDeliveredWithItsIdempotencyKeyAndJsonBody() throws Exception {
    DeliveryResult result = sender(receiver.url("/hooks")).send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.Delivered);
    assertThat(result.httpStatus()).isEqualTo(204);
    assertThat(receiver.requests).hasSize(1);
    TestHttpsReceiver.Request request = receiver.requests.get(0);
    assertThat(request.header(WebhookSignature.IDEMPOTENCY_KEY)).isEqualTo("crm-restored-7f3a");
    assertThat(request.header(WebhookSignature.EVENT)).isEqualTo("Restored");
    assertThat(request.header(WebhookSignature.SIGNATURE)).startsWith("v1=");
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.get("type").asText()).isEqualTo("Restored");
    assertThat(body.get("policy").asText()).isEqualTo("crm");
    assertThat(body.get("title").asText()).isEqualTo("Service crm: restoration complete");
    assertThat(body.at("/slaTerms/remedy").asText()).isEqualTo("Discount");
  }

  @Test
  void aTamperedBodyIsRefusedByTheVerifier() throws Exception {
    sender(receiver.url("/hooks")).send(Deliveries.restored());
    TestHttpsReceiver.Request request = receiver.requests.get(0);
    byte[] tampered =
        new String(request.body(), StandardCharsets.UTF_8)
            .replace("Discount", "Refund")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(
            verifier.verify(
                request.header(WebhookSignature.TIMESTAMP),
                request.header(WebhookSignature.SIGNATURE),
                "another-key",
                tampered))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aRedeliveryIsADuplicateNotASecondAction() throws Exception {
    ChannelSender sender = sender(receiver.url("/hooks"));
    sender.send(Deliveries.restored());
    sender.send(Deliveries.restored());

    assertThat(receiver.requests).hasSize(2);
    TestHttpsReceiver.Request second = receiver.requests.get(1);
    WebhookVerifier fresh =
        new WebhookVerifier(
            KEY.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC());
    for (TestHttpsReceiver.Request request : receiver.requests) {
      fresh.verify(
          request.header(WebhookSignature.TIMESTAMP),
          request.header(WebhookSignature.SIGNATURE),
          request.header(WebhookSignature.IDEMPOTENCY_KEY),
          request.body());
    }
    assertThat(
            fresh.verify(
                second.header(WebhookSignature.TIMESTAMP),
                second.header(WebhookSignature.SIGNATURE),
                second.header(WebhookSignature.IDEMPOTENCY_KEY),
                second.body()))
        .isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void aReceiverWhoseCertificateIsSignedByAnotherCaIsNotSentTo() throws Exception {
    secrets.with("ca", "ca.crt", TestCertificates.mint().caPem);

    DeliveryResult result = sender(receiver.url("/hooks")).send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(result.error()).contains("TLS with https://127.0.0.1:").contains("not trusted");
    assertThat(receiver.requests).isEmpty();
  }

  @Test
  void withoutACaBundleOnlyTheJvmsCasAreTrusted() throws Exception {
    var channel = TestChannels.webhook(receiver.url("/hooks"));
    channel.getSpec().getWebhook().setCaBundleSecretRef(null);

    DeliveryResult result =
        new ChannelSenders(secrets, Clock.systemUTC())
            .forChannel(channel)
            .send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(receiver.requests).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedAndClientErrorsAreNot() throws Exception {
    ChannelSender sender = sender(receiver.url("/hooks"));
    status.set(503);
    assertThat(sender.send(Deliveries.restored()).outcome())
        .isEqualTo(DeliveryOutcome.RetryableFailure);
    status.set(429);
    assertThat(sender.send(Deliveries.restored()).outcome())
        .isEqualTo(DeliveryOutcome.RetryableFailure);
    status.set(400);
    DeliveryResult rejected = sender.send(Deliveries.restored());
    assertThat(rejected.outcome()).isEqualTo(DeliveryOutcome.PermanentFailure);
    assertThat(rejected.httpStatus()).isEqualTo(400);
  }

  @Test
  void aRefusedConnectionSaysSoWithoutThePathOrTheKey() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DeliveryResult result =
        sender(URI.create("https://127.0.0.1:" + closedPort + "/secret-path?token=abc"))
            .send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(result.error())
        .isEqualTo("connection to https://127.0.0.1:" + closedPort + " refused")
        .doesNotContain("secret-path")
        .doesNotContain("token")
        .doesNotContain(KEY);
  }

  @Test
  void aHostThatDoesNotResolveIsNamed() throws Exception {
    DeliveryResult result =
        sender(URI.create("https://no-such-host.invalid/hooks")).send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(result.error()).contains("no-such-host.invalid does not resolve");
  }
}
