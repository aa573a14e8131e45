package dev.failover.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.core.dr.DrMode;
import dev.failover.core.dr.TriggerRecord;
import dev.failover.e2e.DataCenterPlan;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.Helm;
import dev.failover.e2e.HubIdentity;
import dev.failover.e2e.OperatorProcess;
import dev.failover.e2e.PolicyDraft;
import dev.failover.e2e.PolicyEventLog;
import dev.failover.e2e.PolicyWatch;
import dev.failover.e2e.RepositoryFiles;
import dev.failover.e2e.ServerSideApply;
import dev.failover.e2e.Steady;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.LoopbackPorts;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disaster-recovery mode on the real testbed, with the operator as its own process and a real BIND
 * 9 on 127.0.0.1 whose trigger record the test changes with nsupdate. A policy runs a non-critical
 * Deployment (with an HPA) and a critical one in Toronto, with hot standbys: a forged or stale
 * value changes nothing and says why; a signed mode=on value holds the non-critical Deployment at
 * zero in every data center, with a condition, an Event and a notification; a resolver outage, a
 * deleted record and an operator restart keep the mode; a signed mode=off value gives every
 * Deployment its declared replicas back; a replayed value is refused; the manual switch does the
 * same as the record; a blackout of Toronto in the mode moves only the critical application to
 * Chicago. The trigger latency (record changed → posture applied in Toronto) is measured and
 * logged.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DisasterRecoveryModeE2E {
  private static final Logger log = LoggerFactory.getLogger(DisasterRecoveryModeE2E.class);
  private static final String NAMESPACE = "e2e-dr";
  private static final String TRIGGER = "dr.shop.example";
  private static final byte[] KEY =
      "the shop's DR key, 32 bytes long".getBytes(StandardCharsets.US_ASCII);
  private static final String TORONTO = "toronto";
  private static final String CHICAGO = "chicago";
  private static final int CRITICAL_REPLICAS = 3;
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private Path bindDir;
  private Bind9 bind;
  private FailoverWorld world;
  private OperatorProcess operator;
  private PolicyDraft policy;
  private PolicyWatch watch;
  private PolicyEventLog events;
  private final List<Long> latencies = new ArrayList<>();

  @BeforeAll
  void startTheWorld(Testbed testbed) throws Exception {
    bindDir = Files.createTempDirectory("dr-bind");
    bind = Bind9.start(bindDir);
    world = FailoverWorld.start(testbed);
    operator = world.operator();
    KubernetesClient hub = world.hub();
    ServerSideApply.namespace(hub, NAMESPACE);
    // The chart's Role lets the operator get Secrets in the namespaces the platform team lists.
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
                .withName("dr-trigger")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .withData(Map.of("key", Base64.getEncoder().encodeToString(KEY)))
                .build())
        .serverSideApply();
    // A channel that subscribes to the mode's moments; its SMTP server never answers, which
    // does not matter here: the outbox's Notification is what is checked.
    ServerSideApply.applyYaml(
        hub,
        """
        apiVersion: failover.dev/v1alpha1
        kind: NotificationChannel
        metadata: {name: ops-mail, namespace: %s}
        spec:
          type: Email
          email: {smtpHost: 127.0.0.1, smtpPort: %d, startTls: false, from: dr@provider.example,
                  to: [ops@shop.example]}
          eventTypes: [DisasterRecoveryActivated, DisasterRecoveryCleared]
        """
            .formatted(NAMESPACE, LoopbackPorts.free()));
    policy =
        PolicyDraft.of(NAMESPACE, "shop")
            .withManualFailback()
            .withDisasterRecovery(
                "{trigger: {dnsTxt: {name: %s, resolver: \"%s\", pollInterval: 1s,"
                        .formatted(TRIGGER, bind.address())
                    + " hmacSecretRef: {name: dr-trigger, key: key}}}, egress: FailClosed}")
            .withCriticalApplications("shop-pay")
            .withExtraManifests(
                """
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: shop-pay, labels: {app: shop-pay}}
                  spec:
                    replicas: %d
                    selector: {matchLabels: {app: shop-pay}}
                    template:
                      metadata: {labels: {app: shop-pay}}
                      spec: {containers: [{name: pay, image: registry.example/pay:1.0}]}
                - apiVersion: autoscaling/v2
                  kind: HorizontalPodAutoscaler
                  metadata: {name: shop-web}
                  spec:
                    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop-web}
                    minReplicas: 2
                    maxReplicas: 5
                    metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
                """
                    .formatted(CRITICAL_REPLICAS));
    // Placed once every data center is Healthy (an earlier class may have cut one), so the first
    // placement is Toronto.
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    watch = policy.applyTo(world);
    events = new PolicyEventLog(world, NAMESPACE, policy.name());
    watch.awaitActiveIn(TORONTO, SETTLE);
    awaitReplicas(TORONTO, policy.deployment(), PolicyDraft.REPLICAS);
    awaitReplicas(TORONTO, "shop-pay", CRITICAL_REPLICAS);
  }

  @AfterAll
  void cleanUp() {
    try {
      if (world != null && policy != null) {
        policy.deleteFrom(world);
      }
    } finally {
      try {
        if (world != null) {
          world.close();
        }
      } finally {
        if (bind != null) {
          bind.close();
        }
      }
    }
    log.info("trigger latencies (record changed → posture applied in toronto): {} ms", latencies);
  }

  @Test
  @Order(1)
  void aForgedOrStaleValueChangesNothingAndSaysWhy() throws Exception {
    String forged =
        TriggerRecord.sign(
                "not the shop's key, but 32 bytes".getBytes(StandardCharsets.US_ASCII),
                TRIGGER,
                DrMode.on,
                Instant.now(),
                "forgedvalue1")
            .value();
    bind.setTxt(TRIGGER, List.of(List.of(forged)));
    FailoverPolicyStatus refused =
        awaitStatus(
            "the forged value refused", s -> readable(s, "ValueRefused", "does not verify"));
    assertThat(refused.getDisasterRecovery().getActive()).isFalse();

    bind.setTxt(
        TRIGGER, List.of(List.of(signed(DrMode.on, Instant.now().minus(Duration.ofMinutes(20))))));
    FailoverPolicyStatus stale =
        awaitStatus("the stale value refused", s -> readable(s, "ValueRefused", "stale"));
    assertThat(stale.getDisasterRecovery().getActive()).isFalse();
    assertThat(stale.getDisasterRecoveryActive()).isFalse();
    assertThat(replicas(TORONTO, policy.deployment())).isEqualTo(PolicyDraft.REPLICAS);
    assertThat(events.count("DisasterRecoveryActivated")).isZero();
  }

  @Test
  @Order(2)
  void aSignedOnValueLeavesOnlyTheCriticalApplicationsRunningEverywhere() throws Exception {
    GenericKubernetesResource hpaBefore = hpa(TORONTO);
    switchRecord(DrMode.on, 0);

    awaitReplicas(CHICAGO, policy.deployment(), 0);
    assertThat(replicas(TORONTO, "shop-pay")).isEqualTo(CRITICAL_REPLICAS);
    assertThat(replicas(CHICAGO, "shop-pay")).isEqualTo(CRITICAL_REPLICAS);
    FailoverPolicyStatus on =
        awaitStatus("in disaster-recovery mode", s -> s.getDisasterRecovery().getActive());
    assertThat(on.getDisasterRecovery().getReason()).isEqualTo("SignedRecord");
    assertThat(on.getDisasterRecovery().getHeldAtZero()).containsExactly(policy.deployment());
    assertThat(on.getDisasterRecovery().getRecordMode()).hasToString("on");
    assertThat(on.condition("DisasterRecoveryActive").orElseThrow().getStatus()).isEqualTo("True");
    assertThat(on.condition("Ready").orElseThrow().getStatus())
        .as("the critical applications are what must be available now")
        .isEqualTo("True");
    events.await("DisasterRecoveryActivated", "SignedRecord", SETTLE);
    awaitNotification(NotificationEventType.DisasterRecoveryActivated);
    assertThat(operator.metrics())
        .contains(
            "failover_disaster_recovery_active{namespace=\""
                + NAMESPACE
                + "\",policy=\"shop\"} 1.0")
        .contains("failover_disaster_recovery_switches_total{reason=\"SignedRecord\",to=\"on\"}");
    // The HPA is left as declared: it does not scale a target held at zero.
    Steady.holds(
        "the non-critical Deployment held at zero",
        Duration.ofSeconds(5),
        () -> replicas(TORONTO, policy.deployment()),
        replicas -> replicas == 0,
        String::valueOf);
    assertThat(hpa(TORONTO).getAdditionalProperties().get("spec"))
        .isEqualTo(hpaBefore.getAdditionalProperties().get("spec"));
  }

  @Test
  @Order(3)
  void aResolverOutageOrADeletedRecordKeepsTheMode() throws Exception {
    bind.close();
    try {
      FailoverPolicyStatus outage =
          awaitStatus(
              "the resolver unreachable",
              s -> readable(s, "ResolverUnreachable", "the mode stays on"));
      assertThat(outage.getDisasterRecovery().getActive()).isTrue();
      assertThat(replicas(TORONTO, policy.deployment())).isZero();
    } finally {
      bind.restart();
    }
    // The name's only records deleted: NXDOMAIN, which ends nothing.
    bind.deleteTxt(TRIGGER);
    FailoverPolicyStatus deleted =
        awaitStatus(
            "the deleted record read", s -> readable(s, "NoSuchName", "does not exist (NXDOMAIN)"));
    assertThat(deleted.getDisasterRecovery().getActive()).isTrue();
    assertThat(replicas(TORONTO, policy.deployment())).isZero();

    // A restarted operator starts from the status: the mode stays on, and nothing is retold.
    Instant restartedAt = Instant.now();
    operator.restart();
    FailoverPolicyStatus afterRestart =
        awaitStatus(
            "the record polled by the restarted operator",
            s -> Instant.parse(s.getDisasterRecovery().getLastPoll()).isAfter(restartedAt));
    assertThat(afterRestart.getDisasterRecovery().getActive()).isTrue();
    assertThat(afterRestart.getDisasterRecovery().getSince())
        .isEqualTo(deleted.getDisasterRecovery().getSince());
    assertThat(afterRestart.getDisasterRecovery().getRecordSwitchedBy())
        .isEqualTo(deleted.getDisasterRecovery().getRecordSwitchedBy());
    assertThat(replicas(TORONTO, policy.deployment())).isZero();
    assertThat(events.count("DisasterRecoveryActivated")).isEqualTo(1);
  }

  @Test
  @Order(4)
  void aSignedOffValueRestoresTheDeclaredReplicasAndAReplayIsRefused() throws Exception {
    String oldOn =
        signed(DrMode.on, Instant.parse(current().getDisasterRecovery().getRecordSwitchedBy()));
    switchRecord(DrMode.off, PolicyDraft.REPLICAS);

    awaitReplicas(CHICAGO, policy.deployment(), PolicyDraft.REPLICAS);
    assertThat(replicas(TORONTO, "shop-pay")).isEqualTo(CRITICAL_REPLICAS);
    FailoverPolicyStatus off =
        awaitStatus("normal operation", s -> !s.getDisasterRecovery().getActive());
    assertThat(off.getDisasterRecovery().getHeldAtZero()).isEmpty();
    assertThat(off.getDisasterRecoveryActive()).isFalse();
    events.await("DisasterRecoveryCleared", "declared replicas", SETTLE);
    awaitNotification(NotificationEventType.DisasterRecoveryCleared);

    bind.setTxt(TRIGGER, List.of(List.of(oldOn)));
    FailoverPolicyStatus replayed =
        awaitStatus("the replayed value refused", s -> readable(s, "ValueRefused", "replayed"));
    assertThat(replayed.getDisasterRecovery().getActive()).isFalse();
    assertThat(replicas(TORONTO, policy.deployment())).isEqualTo(PolicyDraft.REPLICAS);
  }

  @Test
  @Order(5)
  void theTriggerLatencyOverSeveralSwitches() throws Exception {
    for (int run = 0; run < 3; run++) {
      switchRecord(DrMode.on, 0);
      switchRecord(DrMode.off, PolicyDraft.REPLICAS);
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    log.info(
        "trigger latency over {} switches: p50 {} ms, max {} ms",
        sorted.size(),
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1));
    assertThat(sorted).hasSize(8);
  }

  @Test
  @Order(6)
  void theManualSwitchEntersAndLeavesTheModeWhateverTheRecordSays() {
    PolicyDraft manual =
        policy.withDisasterRecovery("{trigger: {manual: true}, egress: FailClosed}");
    world.apply(manual.build());
    awaitReplicas(TORONTO, policy.deployment(), 0);
    FailoverPolicyStatus on =
        awaitStatus("on by the manual switch", s -> s.getDisasterRecovery().getActive());
    assertThat(on.getDisasterRecovery().getReason()).isEqualTo("ManualSwitch");
    assertThat(replicas(TORONTO, "shop-pay")).isEqualTo(CRITICAL_REPLICAS);

    world.apply(
        policy.withDisasterRecovery("{trigger: {manual: false}, egress: FailClosed}").build());
    awaitReplicas(TORONTO, policy.deployment(), PolicyDraft.REPLICAS);
    assertThat(
            awaitStatus("off again", s -> !s.getDisasterRecovery().getActive())
                .getDisasterRecovery()
                .getReason())
        .isEqualTo("NormalOperation");
  }

  @Test
  @Order(7)
  void aBlackoutInDisasterRecoveryModeMovesOnlyTheCriticalApplications() {
    world.apply(
        policy.withDisasterRecovery("{trigger: {manual: true}, egress: FailClosed}").build());
    awaitReplicas(TORONTO, policy.deployment(), 0);
    // The egress posture is put on after the workload's apply: the blackout comes once it is on.
    awaitStatus(
        "the egress posture put on in toronto",
        s -> s.getDisasterRecovery().getEgressDataCenters().contains(TORONTO));
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    toronto.stop();
    try {
      watch.awaitActiveIn(CHICAGO, SETTLE);
      awaitReplicas(CHICAGO, "shop-pay", CRITICAL_REPLICAS);
      Steady.holds(
          "the non-critical Deployment held at zero in chicago after the failover",
          Duration.ofSeconds(3),
          () -> replicas(CHICAGO, policy.deployment()),
          replicas -> replicas == 0,
          String::valueOf);
      FailoverPolicyStatus moved =
          awaitStatus(
              "the egress posture put on in chicago",
              s -> s.getDisasterRecovery().getEgressDataCenters().contains(CHICAGO));
      assertThat(moved.getDisasterRecovery().getActive()).isTrue();
      assertThat(moved.getDisasterRecovery().getEgressDataCenters()).contains(TORONTO);
    } finally {
      toronto.start();
    }
    world.awaitDataCenterPhase(TORONTO, DataCenterPhase.Healthy, SETTLE);
    world.apply(
        policy.withDisasterRecovery("{trigger: {manual: false}, egress: FailClosed}").build());
    awaitReplicas(CHICAGO, policy.deployment(), PolicyDraft.REPLICAS);
    assertThat(
            awaitStatus(
                    "off, with the posture taken off everywhere",
                    s ->
                        !s.getDisasterRecovery().getActive()
                            && s.getDisasterRecovery().getEgressDataCenters().isEmpty())
                .getActiveDataCenter())
        .isEqualTo(CHICAGO);
  }

  /**
   * Publishes a freshly signed value and measures until Toronto's non-critical Deployment has
   * {@code expected} replicas. Waits a second first, so the value is signed after the last switch.
   */
  private void switchRecord(DrMode mode, int expected) throws Exception {
    Sleep.of(Duration.ofMillis(1_100));
    String value = signed(mode, Instant.now());
    Instant changed = Instant.now();
    bind.setTxt(TRIGGER, List.of(List.of(value)));
    awaitReplicas(TORONTO, policy.deployment(), expected);
    long millis = Duration.between(changed, Instant.now()).toMillis();
    latencies.add(millis);
    log.info("mode={}: posture applied in toronto {} ms after the record changed", mode, millis);
  }

  private static String signed(DrMode mode, Instant at) {
    return TriggerRecord.sign(KEY, TRIGGER, mode, at, "n" + System.nanoTime()).value();
  }

  private static boolean readable(FailoverPolicyStatus status, String reason, String part) {
    return status
        .condition("DisasterRecoveryTriggerReadable")
        .filter(c -> reason.equals(c.getReason()) && c.getMessage().contains(part))
        .isPresent();
  }

  private FailoverPolicyStatus current() {
    return watch.status().orElseThrow();
  }

  private FailoverPolicyStatus awaitStatus(String what, Predicate<FailoverPolicyStatus> condition) {
    return Steady.explained(
        operator,
        40,
        () -> watch.await(what, s -> s.getDisasterRecovery() != null && condition.test(s), SETTLE));
  }

  private int replicas(String dataCenter, String name) {
    Deployment deployment =
        world
            .dataCenter(dataCenter)
            .client()
            .apps()
            .deployments()
            .inNamespace(NAMESPACE)
            .withName(name)
            .get();
    return deployment == null ? -1 : deployment.getSpec().getReplicas();
  }

  private void awaitReplicas(String dataCenter, String name, int expected) {
    Instant deadline = Instant.now().plus(SETTLE);
    int seen = replicas(dataCenter, name);
    while (seen != expected) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            name
                + " in "
                + dataCenter
                + " has "
                + seen
                + " replicas, not "
                + expected
                + "; operator log:\n"
                + operator.logTail(40));
      }
      Sleep.of(Duration.ofMillis(100));
      seen = replicas(dataCenter, name);
    }
  }

  private GenericKubernetesResource hpa(String dataCenter) {
    return world
        .dataCenter(dataCenter)
        .client()
        .genericKubernetesResources("autoscaling/v2", "HorizontalPodAutoscaler")
        .inNamespace(NAMESPACE)
        .withName("shop-web")
        .get();
  }

  private void awaitNotification(NotificationEventType type) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (world
        .hub()
        .resources(Notification.class)
        .inNamespace(NAMESPACE)
        .list()
        .getItems()
        .stream()
        .noneMatch(n -> n.getSpec().getType() == type)) {
      assertThat(Instant.now()).as("a %s Notification in the outbox", type).isBefore(deadline);
      Sleep.of(Duration.ofMillis(200));
    }
  }
}
