package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notification.NotificationPhase;
import dev.failover.api.v1alpha1.notificationchannel.ChannelType;
import dev.failover.api.v1alpha1.notificationchannel.EmailConfig;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelSpec;
import dev.failover.api.v1alpha1.notificationchannel.NotificationLanguage;
import dev.failover.api.v1alpha1.notificationchannel.WebhookConfig;
import dev.failover.e2e.DataCenterExclusions;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.FastProbes;
import dev.failover.e2e.Helm;
import dev.failover.e2e.HubIdentity;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.e2e.PolicyWatch;
import dev.failover.e2e.RepositoryFiles;
import dev.failover.e2e.ServerSideApply;
import dev.failover.operator.notification.channels.WebhookVerifier.Verdict;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.LoopbackPorts;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A blackout, told to customers, through receivers that are down and an operator that is killed:
 * the operator as its own process, a policy in Toronto with automatic failback, and two channels in
 * its namespace, an HTTPS webhook that checks every request's HMAC signature and an e-mail channel
 * in German to a real SMTP server (GreenMail) on 127.0.0.1.
 *
 * <p>Both receivers are down when Toronto is stopped: the service fails over to Chicago, and the
 * FailoverStarted and ServiceContinuing notifications are written and fail to be delivered. The
 * operator is then killed (SIGKILL) with them pending and started again; the receivers come back.
 * Toronto returns and the service fails back. Each channel then holds exactly one FailoverStarted,
 * one ServiceContinuing and one Restored notification, each delivered: none lost, none doubled. The
 * webhook saw only valid signatures, repeats only under the same idempotency key, and three mails
 * arrived.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsBlackoutE2E {
  private static final String NAMESPACE = "e2e-notify";
  private static final String HMAC_KEY = "e2e-notify-hmac-key-never-shown";
  private static final String TORONTO = "toronto";
  private static final String CHICAGO = "chicago";
  private static final String WASHINGTON = "washington";
  private static final Duration SETTLE = Duration.ofSeconds(90);
  private static final List<NotificationEventType> MOMENTS =
      List.of(
          NotificationEventType.FailoverStarted,
          NotificationEventType.ServiceContinuing,
          NotificationEventType.Restored);
  private static final List<NotificationEventType> EXCLUSIONS =
      List.of(NotificationEventType.DataCenterExcluded, NotificationEventType.DataCenterReadmitted);

  private FailoverWorld world;
  private OperatorProcess operator;
  private SigningReceiver receiver;
  private GreenMail mail;
  private PolicyDraft policy;

  @BeforeAll
  void start(Testbed testbed) throws Exception {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    LocalCertificates certificates = LocalCertificates.mint();
    receiver = new SigningReceiver(certificates, HMAC_KEY);
    mail = new GreenMail(new ServerSetup(LoopbackPorts.free(), "127.0.0.1", "smtp"));
    mail.start();
    // Short back-off, so a receiver that is back is tried within seconds.
    operator =
        world.operator(
            world
                .operatorLaunch()
                .withEnvironment("FAILOVER_NOTIFICATION_BACKOFF_BASE", "1s")
                .withEnvironment("FAILOVER_NOTIFICATION_BACKOFF_MAX", "4s"));
    KubernetesClient hub = world.hub();
    ServerSideApply.namespace(hub, NAMESPACE);
    // The platform team lists the namespaces whose channels the operator may read Secrets in: the
    // chart's Role for this one, as helm renders it.
    RepositoryFiles.documents(
            new Helm(testbed)
                .template(
                    Helm.OPERATOR_CHART,
                    HubIdentity.RELEASE,
                    HubIdentity.NAMESPACE,
                    "--set",
                    "notifications.secretNamespaces={" + NAMESPACE + "}"))
        .stream()
        .filter(o -> NAMESPACE.equals(o.getMetadata().getNamespace()))
        .forEach(o -> ServerSideApply.apply(hub, o));
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("webhook-secrets")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withStringData(Map.of("hmac", HMAC_KEY, "ca.crt", certificates.caPem()))
                .build())
        .serverSideApply();
    hub.resource(webhookChannel()).serverSideApply();
    hub.resource(mailChannel()).serverSideApply();
    policy = PolicyDraft.of(NAMESPACE, "shop").withAutomaticFailback("5s");
    policy.applyTo(world).awaitActiveIn(TORONTO, SETTLE);
  }

  @AfterAll
  void cleanUp() {
    try {
      if (policy != null) {
        policy.deleteFrom(world);
      }
      if (world != null) {
        world.hub().namespaces().withName(NAMESPACE).delete();
        world
            .hub()
            .namespaces()
            .withName(NAMESPACE)
            .waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      if (receiver != null) {
        receiver.close();
      }
      if (mail != null) {
        mail.stop();
      }
      if (world != null) {
        world.close();
      }
    }
  }

  @Test
  @Order(1)
  void eachChannelIsToldOnceOfTheFailoverTheServiceContinuingAndTheRestoration() throws Exception {
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    PolicyWatch watch = new PolicyWatch(world, NAMESPACE, "shop");
    int smtpPort = mail.getSmtp().getPort();
    receiver.stop();
    mail.stop();
    toronto.stop();
    boolean down = true;
    try {
      watch.awaitActiveIn(CHICAGO, SETTLE);
      for (String channel : List.of("ops-hook", "customer-mail")) {
        awaitFailedAttempts(channel, 2);
      }
      operator.kill();
      operator.restart();
      receiver.restart();
      mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      mail.start();
      toronto.start();
      down = false;
    } finally {
      if (down) {
        toronto.start();
      }
    }
    watch.awaitActiveIn(TORONTO, Duration.ofSeconds(180));

    for (String channel : List.of("ops-hook", "customer-mail")) {
      Map<NotificationEventType, List<Notification>> byType =
          awaitDelivered(channel, () -> notificationsOf(channel));
      assertThat(byType.keySet())
          .as("moments told through %s", channel)
          .containsExactlyInAnyOrderElementsOf(MOMENTS);
      byType.forEach(
          (type, list) ->
              assertThat(list)
                  .as("%s notifications of %s through %s", list.size(), type, channel)
                  .hasSize(1));
      Notification continuing = byType.get(NotificationEventType.ServiceContinuing).get(0);
      assertThat(continuing.getSpec().getMessage()).contains(CHICAGO);
      Notification restored = byType.get(NotificationEventType.Restored).get(0);
      assertThat(restored.getSpec().getMessage()).contains(TORONTO);
    }

    // The webhook: only valid signatures, and at most one delivery per idempotency key but for
    // repeats of the same key.
    assertThat(receiver.received)
        .extracting(SigningReceiver.Received::verdict)
        .doesNotContain(Verdict.BAD_SIGNATURE, Verdict.STALE);
    assertThat(receiver.received.stream().map(SigningReceiver.Received::idempotencyKey).distinct())
        .hasSize(3);
    assertThat(
            notificationsOf("ops-hook").stream()
                .map(n -> n.getSpec().getIdempotencyKey())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(
            receiver.received.stream()
                .map(SigningReceiver.Received::idempotencyKey)
                .distinct()
                .toList());

    // The mail, in German.
    MimeMessage[] messages = mail.getReceivedMessages();
    assertThat(messages).hasSize(3);
    for (MimeMessage message : messages) {
      System.out.printf("mail: %s%n%s%n", message.getSubject(), GreenMailUtil.getBody(message));
    }
  }

  @Test
  @Order(2)
  void aDataCenterTakenOutOfServiceAndBackIsToldOnceEach() {
    DataCenterExclusions exclusions = new DataCenterExclusions(world);
    exclusions.drain(WASHINGTON, "maintenance of the cooling");
    try {
      awaitTypes("ops-hook", NotificationEventType.DataCenterExcluded);
    } finally {
      exclusions.clear(WASHINGTON);
    }
    awaitTypes("ops-hook", NotificationEventType.DataCenterReadmitted);
    Map<NotificationEventType, List<Notification>> byType =
        awaitDelivered("ops-hook", () -> notificationsOf("ops-hook"));
    for (NotificationEventType type : EXCLUSIONS) {
      assertThat(byType.get(type)).as("%s through ops-hook", type).hasSize(1);
    }
    Notification excluded = byType.get(NotificationEventType.DataCenterExcluded).get(0);
    assertThat(excluded.getSpec().getMessage())
        .contains(WASHINGTON)
        .contains("maintenance of the cooling");
    assertThat(notificationsOf("customer-mail"))
        .as("the mail channel does not subscribe to exclusions")
        .extracting(n -> n.getSpec().getType())
        .doesNotContainAnyElementsOf(EXCLUSIONS);
  }

  private void awaitTypes(String channel, NotificationEventType type) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (Instant.now().isBefore(deadline)
        && notificationsOf(channel).stream().noneMatch(n -> n.getSpec().getType() == type)) {
      Sleep.of(Duration.ofMillis(500));
    }
    assertThat(notificationsOf(channel))
        .as("a %s notification through %s", type, channel)
        .anyMatch(n -> n.getSpec().getType() == type);
  }

  /** Waits until {@code count} of the channel's notifications have failed an attempt. */
  private void awaitFailedAttempts(String channel, int count) {
    Instant deadline = Instant.now().plus(SETTLE);
    List<Notification> tried = List.of();
    while (Instant.now().isBefore(deadline)) {
      tried =
          notificationsOf(channel).stream()
              .filter(n -> n.getStatus() != null && !n.getStatus().getAttempts().isEmpty())
              .filter(n -> n.getStatus().getPhase() == NotificationPhase.Pending)
              .toList();
      if (tried.size() >= count) {
        return;
      }
      Sleep.of(Duration.ofMillis(500));
    }
    assertThat(tried)
        .as("pending notifications of %s with a failed attempt", channel)
        .hasSizeGreaterThanOrEqualTo(count);
  }

  private Map<NotificationEventType, List<Notification>> awaitDelivered(
      String channel, Supplier<List<Notification>> notifications) {
    Instant deadline = Instant.now().plus(SETTLE);
    List<Notification> last = List.of();
    while (Instant.now().isBefore(deadline)) {
      last = notifications.get();
      if (last.size() >= MOMENTS.size()
          && last.stream()
              .allMatch(
                  n ->
                      n.getStatus() != null
                          && n.getStatus().getPhase() == NotificationPhase.Delivered)) {
        break;
      }
      Sleep.of(Duration.ofMillis(500));
    }
    assertThat(last)
        .as("notifications through %s", channel)
        .allSatisfy(
            n -> {
              assertThat(n.getStatus()).isNotNull();
              assertThat(n.getStatus().getPhase()).isEqualTo(NotificationPhase.Delivered);
            });
    return last.stream().collect(Collectors.groupingBy(n -> n.getSpec().getType()));
  }

  private List<Notification> notificationsOf(String channel) {
    return world
        .hub()
        .resources(Notification.class)
        .inNamespace(NAMESPACE)
        .list()
        .getItems()
        .stream()
        .filter(n -> n.getSpec().getChannelRef().getName().equals(channel))
        .toList();
  }

  private NotificationChannel webhookChannel() {
    WebhookConfig webhook = new WebhookConfig();
    webhook.setUrl(receiver.url());
    webhook.setHmacSecretRef(ref("hmac"));
    webhook.setCaBundleSecretRef(ref("ca.crt"));
    NotificationChannelSpec spec = new NotificationChannelSpec();
    spec.setType(ChannelType.Webhook);
    spec.setWebhook(webhook);
    spec.setEventTypes(
        java.util.stream.Stream.concat(MOMENTS.stream(), EXCLUSIONS.stream()).toList());
    return channel("ops-hook", spec);
  }

  private NotificationChannel mailChannel() {
    EmailConfig email = new EmailConfig();
    email.setSmtpHost("127.0.0.1");
    email.setSmtpPort(mail.getSmtp().getPort());
    email.setStartTls(false);
    email.setFrom("status@provider.example");
    email.setTo(List.of("it@shop.example"));
    NotificationChannelSpec spec = new NotificationChannelSpec();
    spec.setType(ChannelType.Email);
    spec.setEmail(email);
    spec.setEventTypes(MOMENTS);
    spec.setLanguage(NotificationLanguage.de);
    return channel("customer-mail", spec);
  }

  private static NotificationChannel channel(String name, NotificationChannelSpec spec) {
    NotificationChannel channel = new NotificationChannel();
    channel.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    channel.setSpec(spec);
    return channel;
  }

  private static SecretKeyRef ref(String key) {
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName("webhook-secrets");
    ref.setKey(key);
    return ref;
  }
}
