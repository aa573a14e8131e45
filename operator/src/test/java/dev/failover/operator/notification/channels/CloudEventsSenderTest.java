package dev.failover.operator.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.api.v1alpha1.notificationchannel.CloudEventsMode;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both content modes against a real HTTPS server that reads the events with the SDK. */
class CloudEventsSenderTest {
  private static final TestCertificates CERTIFICATES = TestCertificates.mint();
  private TestHttpsReceiver receiver;

  @BeforeEach
  void startTheSink() throws Exception {
    receiver = new TestHttpsReceiver(CERTIFICATES, request -> 202);
  }

  @AfterEach
  void stopTheSink() {
    receiver.close();
  }

  @ParameterizedTest
  @EnumSource(CloudEventsMode.class)
  void theSinkReadsTheEventWithTheSdkInEitherMode(CloudEventsMode mode) throws Exception {
    MapSecrets secrets = new MapSecrets().with("ca", "ca.crt", CERTIFICATES.caPem);
    ChannelSender sender =
        new ChannelSenders(secrets, Clock.systemUTC())
            .forChannel(TestChannels.cloudEvents(receiver.url("/events"), mode));

    DeliveryResult result = sender.send(Deliveries.restored());

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.Delivered);
    TestHttpsReceiver.Request request = receiver.requests.get(0);
    assertThat(request.header("content-type"))
        .startsWith(
            mode == CloudEventsMode.Structured
                ? "application/cloudevents+json"
                : "application/json");
    assertThat(request.header("ce-id") != null).isEqualTo(mode == CloudEventsMode.Binary);
    CloudEvent event = HttpMessageFactory.createReader(request.headers(), request.body()).toEvent();
    assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
    assertThat(event.getId()).isEqualTo("crm-restored-7f3a");
    assertThat(event.getType()).isEqualTo("dev.failover.Restored");
    assertThat(event.getSource()).isEqualTo(URI.create("/failover/shop/crm"));
    assertThat(event.getSubject()).isEqualTo("crm");
    assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:42:00Z"));
    JsonNode data = new ObjectMapper().readTree(event.getData().toBytes());
    assertThat(data.get("idempotencyKey").asText()).isEqualTo("crm-restored-7f3a");
    assertThat(data.get("message").asText()).contains("toronto is restored");
  }
}
