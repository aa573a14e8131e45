package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.DeliveryOutcome;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notification.NotificationPhase;
import dev.failover.api.v1alpha1.notificationchannel.ChannelType;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelSpec;
import dev.failover.api.v1alpha1.notificationchannel.WebhookConfig;
import dev.failover.core.notification.DeliveryBackoff;
import dev.failover.core.notification.DeliveryRules;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.PolicyDraft;
import dev.failover.operator.notification.channels.ChannelSenders;
import dev.failover.operator.notification.channels.HubChannelSecrets;
import dev.failover.operator.notification.channels.WebhookVerifier.Verdict;
import dev.failover.operator.observability.NotificationMetrics;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox on a real API server, its reconcilers in this JVM, delivering to a real HTTPS receiver
 * on 127.0.0.1 that verifies every HMAC signature: a moment published twice is one Notification,
 * delivered; a receiver that is down for 30 s gets it once back; one that always fails dead-letters
 * it with a condition and a Warning Event; one written while no operator runs is delivered by the
 * next; and no credential shows in a status, an Event or a metric label.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationOutboxIT {
  private static final String NAMESPACE = "notify-it";
  private static final String FAILING_CHANNEL = "failing-hook";
  private static final String HMAC_KEY = "outbox-it-hmac-key-never-shown";
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final DeliveryRules PATIENT =
      new DeliveryRules(
          20,
          new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
          Duration.ofHours(1));
  private static final DeliveryRules IMPATIENT =
      new DeliveryRules(
          3,
          new DeliveryBackoff(Duration.ofMillis(200), Duration.ofMillis(400)),
          Duration.ofHours(1));

  private KubernetesClient hub;
  private SigningReceiver receiver;
  private NotificationOutbox outbox;
  private SimpleMeterRegistry registry;
  private Operator operator;
  private List<Notification> writtenBeforeTheOperator;

  @BeforeAll
  void prepare(Testbed testbed) throws Exception {
    hub = testbed.dataCenter("hub").client();
    FailoverCrds.installInto(hub);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    LocalCertificates certificates = LocalCertificates.mint();
    receiver = new SigningReceiver(certificates, HMAC_KEY);
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("webhook-secrets")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withStringData(Map.of("hmac", HMAC_KEY, "ca.crt", certificates.caPem()))
                .build())
        .create();
    outbox = new NotificationOutbox(hub, new MessageTemplates());
    registry = new SimpleMeterRegistry();
    // Written while no operator runs: the operator started next must find it and deliver it.
    FailoverPolicy policy = policy("restart");
    channel("restart-hook", receiver.url());
    outbox.publish(failoverStarted(policy, "action-4"));
    writtenBeforeTheOperator = notificationsOf("restart", "restart-hook");
    startOperator();
  }

  @AfterEach
  void answerAgain() {
    receiver.answer.set(204);
  }

  @AfterAll
  void cleanUp() {
    try {
      if (operator != null) {
        operator.stop();
      }
      receiver.close();
    } finally {
      hub.namespaces().withName(NAMESPACE).delete();
      hub.namespaces()
          .withName(NAMESPACE)
          .waitUntilCondition(Objects::isNull, 120, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWatchedDirectoryOfChannelsWritesToTheChannelsItHasSeenAndForgetsDeletedOnes() {
    try (ChannelDirectory watched = ChannelDirectory.watched(hub)) {
      NotificationOutbox watching = new NotificationOutbox(hub, new MessageTemplates(), watched);
      FailoverPolicy policy = policy("watched");
      channel("watched-hook", receiver.url());
      await()
          .alias("the watch has the new channel")
          .atMost(WITHIN)
          .until(() -> names(watched.in(NAMESPACE)).contains("watched-hook"));

      watching.publish(failoverStarted(policy, "action-5"));

      assertThat(notificationsOf("watched", "watched-hook")).hasSize(1);
      assertThat(watched.in("default"))
          .noneMatch(c -> NAMESPACE.equals(c.getMetadata().getNamespace()));

      hub.resources(NotificationChannel.class)
          .inNamespace(NAMESPACE)
          .withName("watched-hook")
          .withTimeout(30, TimeUnit.SECONDS)
          .delete();
      await()
          .alias("the watch has forgotten the deleted channel")
          .atMost(WITHIN)
          .until(() -> !names(watched.in(NAMESPACE)).contains("watched-hook"));
      watching.publish(failoverStarted(policy, "action-6"));

      assertThat(notificationsOf("watched", "watched-hook")).hasSize(1);
    }
  }

  private static List<String> names(List<NotificationChannel> channels) {
    return channels.stream().map(c -> c.getMetadata().getName()).toList();
  }

  @Test
  void aMomentPublishedTwiceIsOneNotificationDeliveredWithAValidSignature() {
    FailoverPolicy policy = policy("twice");
    channel("twice-hook", receiver.url());

    PolicyMoment moment = failoverStarted(policy, "action-1");
    outbox.publish(moment);
    outbox.publish(moment);

    List<Notification> written = notificationsOf("twice", "twice-hook");
    assertThat(written).hasSize(1);
    Notification notification = awaitPhase(written.get(0), NotificationPhase.Delivered);
    String key = notification.getSpec().getIdempotencyKey();
    assertThat(receiver.received)
        .filteredOn(r -> key.equals(r.idempotencyKey()))
        .extracting(SigningReceiver.Received::verdict)
        .first()
        .isEqualTo(Verdict.ACCEPTED);
    assertThat(notification.getSpec().getMessage())
        .startsWith("Service twice: moving to another data center");
    assertThat(notification.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(policy.getMetadata().getUid()));
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () -> assertThat(readyOf("twice-hook").map(c -> c.getStatus())).contains("True"));
    assertNoCredentialIsShown();
  }

  @Test
  void aReceiverDownFor30SecondsGetsTheNotificationOnceBack() throws Exception {
    FailoverPolicy policy = policy("outage");
    channel("outage-hook", receiver.url());
    receiver.stop();
    Instant down = Instant.now();
    try {
      outbox.publish(failoverStarted(policy, "action-2"));
      Notification notification = notificationsOf("outage", "outage-hook").get(0);
      await().atMost(WITHIN).until(() -> attempts(notification) >= 2);
      assertThat(fresh(notification).getStatus().getPhase()).isEqualTo(NotificationPhase.Pending);
      assertThat(fresh(notification).getStatus().getAttempts().get(0).getError())
          .contains("refused")
          .doesNotContain("/hooks/failover");
      Thread.sleep(
          Math.max(
              0, Duration.ofSeconds(30).minus(Duration.between(down, Instant.now())).toMillis()));
    } finally {
      receiver.restart();
    }

    Notification notification = notificationsOf("outage", "outage-hook").get(0);
    Notification delivered = awaitPhase(notification, NotificationPhase.Delivered);
    assertThat(delivered.getStatus().getAttempts().get(0).getOutcome())
        .isEqualTo(DeliveryOutcome.RetryableFailure);
    assertThat(
            delivered
                .getStatus()
                .getAttempts()
                .get(delivered.getStatus().getAttempts().size() - 1)
                .getOutcome())
        .isEqualTo(DeliveryOutcome.Delivered);
  }

  @Test
  void aReceiverThatAlwaysFailsDeadLettersTheNotification() {
    FailoverPolicy policy = policy("failing");
    channel(FAILING_CHANNEL, receiver.url());
    receiver.answer.set(503);

    outbox.publish(failoverStarted(policy, "action-3"));

    Notification notification =
        awaitPhase(notificationsOf("failing", FAILING_CHANNEL).get(0), NotificationPhase.Failed);
    assertThat(notification.getStatus().getAttempts()).hasSize(3);
    assertThat(notification.getStatus().condition(ConditionTypes.DEAD_LETTERED))
        .hasValueSatisfying(
            condition -> {
              assertThat(condition.getStatus()).isEqualTo("True");
              assertThat(condition.getReason()).isEqualTo("AttemptsExhausted");
              assertThat(condition.getMessage()).contains("answered HTTP 503");
            });
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(events())
                    .anySatisfy(
                        event -> {
                          assertThat(event.getReason())
                              .isEqualTo(NotificationReconciler.DEAD_LETTERED_REASON);
                          assertThat(event.getType()).isEqualTo("Warning");
                          assertThat(event.getInvolvedObject().getName())
                              .isEqualTo(notification.getMetadata().getName());
                        }));
    assertThat(registry.find("failover_notifications_dead_lettered").counter())
        .isNotNull()
        .satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
    assertNoCredentialIsShown();
  }

  @Test
  void aNotificationWrittenWhileNoOperatorRanIsDeliveredByTheOneStartedNext() {
    assertThat(writtenBeforeTheOperator).singleElement();
    Notification pending = writtenBeforeTheOperator.get(0);
    assertThat(pending.getStatus()).as("nothing attempted before the operator ran").isNull();

    assertThat(awaitPhase(pending, NotificationPhase.Delivered).getStatus().getAttempts())
        .isNotEmpty();
  }

  @Test
  void aChannelWhoseSecretIsMissingIsNotReadyAndSaysWhich() {
    NotificationChannel channel = channel("broken-hook", receiver.url());
    channel.getSpec().getWebhook().getHmacSecretRef().setName("no-such-secret");
    hub.resource(channel).update();

    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(readyOf("broken-hook"))
                    .hasValueSatisfying(
                        ready -> {
                          assertThat(ready.getStatus()).isEqualTo("False");
                          assertThat(ready.getReason()).isEqualTo("SecretNotFound");
                          assertThat(ready.getMessage())
                              .isEqualTo(
                                  "spec.webhook.hmacSecretRef: Secret notify-it/no-such-secret"
                                      + " does not exist");
                        }));
  }

  /**
   * Starts the reconcilers once for the class: a patient Notification reconciler, and an impatient
   * one (3 attempts) for the notifications of the always-failing test's channel, told apart by the
   * channel label. A start the API server turns away for a moment ("storage is (re)initializing"
   * after a CRD update) is tried again with a new operator, within a bound.
   */
  private void startOperator() {
    await()
        .atMost(WITHIN)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              Operator candidate = newOperator();
              try {
                candidate.start();
                operator = candidate;
                return true;
              } catch (RuntimeException refused) {
                candidate.stop();
                return false;
              }
            });
  }

  private Operator newOperator() {
    Clock clock = Clock.systemUTC();
    ConditionEvents events = new ConditionEvents(hub, clock);
    ChannelSenders senders = new ChannelSenders(new HubChannelSecrets(hub), clock);
    Operator candidate =
        new Operator(o -> o.withKubernetesClient(hub).withCloseClientOnStop(false));
    candidate.register(
        new NotificationChannelReconciler(senders, events, clock),
        o -> o.settingNamespaces(NAMESPACE));
    String failing = NotificationOutbox.CHANNEL_LABEL + "=" + FAILING_CHANNEL;
    String others = NotificationOutbox.CHANNEL_LABEL + "!=" + FAILING_CHANNEL;
    candidate.register(
        notificationReconciler(senders, events, clock, PATIENT),
        o -> o.settingNamespaces(NAMESPACE).withLabelSelector(others));
    candidate.register(
        notificationReconciler(senders, events, clock, IMPATIENT),
        o ->
            o.settingNamespaces(NAMESPACE)
                .withName("notification-impatient")
                .withLabelSelector(failing));
    return candidate;
  }

  private NotificationReconciler notificationReconciler(
      ChannelSenders senders, ConditionEvents events, Clock clock, DeliveryRules rules) {
    return new NotificationReconciler(
        hub,
        new NotificationDelivery(hub, senders),
        rules,
        events,
        new NotificationMetrics(registry),
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The channel's Ready condition, empty until the reconciler wrote a status. */
  private java.util.Optional<io.fabric8.kubernetes.api.model.Condition> readyOf(String channel) {
    NotificationChannel stored =
        hub.resources(NotificationChannel.class).inNamespace(NAMESPACE).withName(channel).get();
    return stored == null || stored.getStatus() == null
        ? java.util.Optional.empty()
        : stored.getStatus().condition(ConditionTypes.READY);
  }

  private FailoverPolicy policy(String name) {
    return hub.resource(PolicyDraft.of(NAMESPACE, name).build()).create();
  }

  private NotificationChannel channel(String name, String url) {
    WebhookConfig webhook = new WebhookConfig();
    webhook.setUrl(url);
    webhook.setHmacSecretRef(ref("hmac"));
    webhook.setCaBundleSecretRef(ref("ca.crt"));
    NotificationChannelSpec spec = new NotificationChannelSpec();
    spec.setType(ChannelType.Webhook);
    spec.setWebhook(webhook);
    spec.setEventTypes(List.of(NotificationEventType.FailoverStarted));
    NotificationChannel channel = new NotificationChannel();
    channel.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    channel.setSpec(spec);
    return hub.resource(channel).create();
  }

  private static SecretKeyRef ref(String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName("webhook-secrets");
    ref.setKey(key);
    return ref;
  }

  private static PolicyMoment failoverStarted(FailoverPolicy policy, String occurrence) {
    return new PolicyMoment(
        NAMESPACE,
        policy.getMetadata().getName(),
        NotificationEventType.FailoverStarted,
        Instant.now(),
        occurrence,
        Map.of(Facts.FROM_DATA_CENTER, "toronto", Facts.TO_DATA_CENTER, "chicago"));
  }

  /** Other tests' channels subscribe too: each test reads its own channel's notifications. */
  private List<Notification> notificationsOf(String policy, String channel) {
    return hub.resources(Notification.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(n -> n.getSpec().getPolicyRef().getName().equals(policy))
        .filter(n -> n.getSpec().getChannelRef().getName().equals(channel))
        .toList();
  }

  private Notification fresh(Notification notification) {
    return hub.resources(Notification.class)
        .inNamespace(NAMESPACE)
        .withName(notification.getMetadata().getName())
        .get();
  }

  private int attempts(Notification notification) {
    Notification now = fresh(notification);
    return now.getStatus() == null ? 0 : now.getStatus().getAttempts().size();
  }

  private Notification awaitPhase(Notification notification, NotificationPhase phase) {
    await()
        .atMost(WITHIN)
        .until(
            () -> {
              Notification now = fresh(notification);
              return now.getStatus() != null && now.getStatus().getPhase() == phase;
            });
    return fresh(notification);
  }

  private List<Event> events() {
    return hub.v1().events().inNamespace(NAMESPACE).list().getItems();
  }

  /** Everything the operator wrote that people or scrapers read: no credential in any of it. */
  private void assertNoCredentialIsShown() {
    String written =
        Serialization.asJson(
                hub.resources(Notification.class).inNamespace(NAMESPACE).list().getItems().stream()
                    .map(Notification::getStatus)
                    .toList())
            + Serialization.asJson(
                hub
                    .resources(NotificationChannel.class)
                    .inNamespace(NAMESPACE)
                    .list()
                    .getItems()
                    .stream()
                    .map(NotificationChannel::getStatus)
                    .toList())
            + events().stream().map(Event::getMessage).toList()
            + registry.getMeters().stream().map(meter -> meter.getId().getTags()).toList();
    assertThat(written).isNotBlank().doesNotContain(HMAC_KEY).doesNotContain("BEGIN CERTIFICATE");
  }
}
