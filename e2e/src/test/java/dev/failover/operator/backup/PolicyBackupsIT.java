package dev.failover.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.common.BackupService;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.notification.Notification;
import dev.failover.api.v1alpha1.notificationchannel.ChannelType;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannel;
import dev.failover.api.v1alpha1.notificationchannel.NotificationChannelSpec;
import dev.failover.api.v1alpha1.notificationchannel.WebhookConfig;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.workload.TenancyRule;
import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.NamespaceRemoval;
import dev.failover.operator.backup.BackupRun.Result;
import dev.failover.operator.cli.RestoreBackup;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.WorkloadApplier;
import dev.failover.operator.notification.MessageTemplates;
import dev.failover.operator.notification.NotificationOutbox;
import dev.failover.operator.notification.OutboxBackupAlerts;
import dev.failover.operator.observability.BackupMetrics;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * Backups against real API servers: the store is Secrets in a hub namespace of its own, the state
 * is read from kwok data centers where the workload really runs, Velero's API is served where the
 * test installs its CRD, and a backup is restored into a data center that never held the policy.
 * Time is an input (a clock the test moves), so intervals of hours take no waiting. Each test has
 * its own namespaces, deleted everywhere after it.
 */
@ExtendWith(SharedTestbedExtension.class)
class PolicyBackupsIT {
  private static final long GONE_WITHIN_SECONDS = 120;
  private static final Duration AVAILABLE_WITHIN = Duration.ofSeconds(90);
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final String STORE = "backup-store-it";
  private static final String VELERO_CRD = "backups.velero.io";
  private static final ResourceDefinitionContext VELERO_BACKUP =
      new ResourceDefinitionContext.Builder()
          .withGroup("velero.io")
          .withVersion("v1")
          .withPlural("backups")
          .withKind("Backup")
          .withNamespaced(true)
          .build();
  private static final String POLICY =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata: {name: crm}
      spec:
        riderRef: {kind: SaasRider, name: crm}
        placement: {primary: toronto, secondaries: [chicago]}
        workload:
          manifests:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: crm-web}
              spec:
                replicas: 2
                selector: {matchLabels: {app: crm-web}}
                template:
                  metadata: {labels: {app: crm-web}}
                  spec: {containers: [{name: web, image: registry.example/crm:1.0}]}
            - apiVersion: v1
              kind: Service
              metadata: {name: crm-web}
              spec:
                selector: {app: crm-web}
                ports: [{port: 80, targetPort: 8080}]
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: crm-settings}
              data: {greeting: hello}
      """;

  private Testbed testbed;
  private KubernetesClient hub;
  private String namespace;
  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final List<String> dataCentersUsed = new ArrayList<>();
  private final List<String> veleroInstalledIn = new ArrayList<>();

  @BeforeEach
  void ownNamespaces(Testbed testbed, TestInfo test) {
    this.testbed = testbed;
    hub = testbed.dataCenter("hub").client();
    FailoverCrds.installInto(hub);
    namespace = "bk-" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20);
    createNamespace(hub, namespace);
    createNamespace(hub, STORE);
  }

  @AfterEach
  void deleteEverything() {
    List<Runnable> waits = new ArrayList<>();
    deleteNamespace(hub, namespace, waits);
    deleteNamespace(hub, STORE, waits);
    for (String dataCenter : dataCentersUsed) {
      KubernetesClient client = testbed.dataCenter(dataCenter).client();
      deleteNamespace(client, namespace, waits);
      if (veleroInstalledIn.contains(dataCenter)) {
        deleteNamespace(client, "velero", waits);
      }
    }
    for (String dataCenter : veleroInstalledIn) {
      var crds = testbed.dataCenter(dataCenter).client().apiextensions().v1();
      crds.customResourceDefinitions().withName(VELERO_CRD).delete();
      waits.add(
          () ->
              crds.customResourceDefinitions()
                  .withName(VELERO_CRD)
                  .waitUntilCondition(Objects::isNull, GONE_WITHIN_SECONDS, TimeUnit.SECONDS));
    }
    waits.forEach(Runnable::run);
  }

  @Test
  void backupsRunOnTheirIntervalAreReApplicableAndArePrunedToRetainCopies() {
    FailoverPolicy policy = placed("toronto");
    BackupService service = service("1h", 2, 80);
    PolicyBackups operator = backups(256L * 1024 * 1024, service);
    PolicyBackups.Terms terms = operator.terms(policy).orElseThrow();
    Instant start = clock.instant();

    BackupRun first = operator.runIfDue(policy, "toronto", terms);
    assertThat(first.result()).isEqualTo(Result.Taken);
    assertThat(first.nextDue()).isEqualTo(start.plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(10));
    BackupRun early = operator.runIfDue(policy, "toronto", terms);
    assertThat(early.result()).isEqualTo(Result.NotDue);
    assertThat(storedNames()).hasSize(1);

    List<String> taken = new ArrayList<>(List.of(first.newest().orElseThrow().name()));
    for (int hour = 1; hour <= 3; hour++) {
      clock.set(start.plus(Duration.ofHours(hour)));
      BackupRun run = operator.runIfDue(policy, "toronto", terms);
      assertThat(run.result()).as("run at hour %d", hour).isEqualTo(Result.Taken);
      taken.add(run.newest().orElseThrow().name());
      assertThat(run.copiesKept()).isEqualTo(Math.min(hour + 1, 2));
      assertThat(storedNames()).as("copies after hour %d", hour).hasSize(Math.min(hour + 1, 2));
    }
    // The two newest are kept; the oldest went first.
    assertThat(storedNames()).containsExactlyInAnyOrderElementsOf(taken.subList(2, 4));

    // A second operator, started later with nothing but the hub, resumes the schedule: no burst.
    clock.advance(Duration.ofMinutes(10));
    BackupRun resumed = backups(256L * 1024 * 1024, service).runIfDue(policy, "toronto", terms);
    assertThat(resumed.result()).isEqualTo(Result.NotDue);
    assertThat(resumed.nextDue()).isEqualTo(start.plus(Duration.ofHours(4)));
    assertThat(resumed.newest().orElseThrow().name()).isEqualTo(taken.get(3));

    // What is stored can be applied as is: the policy's objects, without server-owned fields.
    Secret secret = hub.secrets().inNamespace(STORE).withName(taken.get(3)).get();
    assertThat(secret.getImmutable()).isTrue();
    assertThat(secret.getMetadata().getLabels())
        .containsEntry(BackupStore.POLICY_UID_LABEL, policy.getMetadata().getUid())
        .containsEntry(BackupStore.DATA_CENTER_LABEL, "toronto")
        .containsEntry(PolicyLabels.NAMESPACE, namespace)
        .containsEntry(PolicyLabels.NAME, "crm");
    BackupArchive archive = BackupStore.read(secret, taken.get(3));
    assertThat(archive.objects())
        .extracting(o -> o.get("kind") + "/" + ((Map<?, ?>) o.get("metadata")).get("name"))
        .containsExactlyInAnyOrder(
            "Deployment/crm-web", "Service/crm-web", "ConfigMap/crm-settings");
    for (Map<String, Object> object : archive.objects()) {
      assertThat(object).doesNotContainKey("status");
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
      assertThat(metadata)
          .containsKey("name")
          .doesNotContainKeys("resourceVersion", "uid", "managedFields", "creationTimestamp");
    }
  }

  @Test
  void theStoreNearingItsLimitAlertsFirstAndABackupNeverOverfillsIt() throws Exception {
    FailoverPolicy policy = placed("toronto");
    subscribeTheProvider();
    // One backup's size, measured once, then removed: the store starts empty.
    long size = learnTheBackupSize(policy);
    // A limit of 3.5 backups: two fit with room, the third warns, the fourth is refused.
    long capacity = size * 35 * 100 / 80 / 10;
    BackupService service = service("1h", 100, 80);
    BackupSchedule schedule =
        new BackupSchedule(
            backups(capacity, service),
            new OutboxBackupAlerts(
                new ConditionEvents(hub, clock),
                new NotificationOutbox(hub, new MessageTemplates())),
            new ConditionEvents(hub, clock),
            id -> {},
            clock);
    try {
      List<String> healthy = new ArrayList<>();
      List<Double> usage = new ArrayList<>();
      for (int run = 0; run < 5; run++) {
        FailoverPolicyStatus status = runOnce(schedule);
        healthy.add(
            status.condition(ConditionTypes.BACKUP_STORAGE_HEALTHY).orElseThrow().getReason());
        usage.add(status.getBackups().getStoreUsagePercent());
        assertThat(storeBytes() * 100)
            .as("the store after run %d stays under the limit", run)
            .isLessThanOrEqualTo(capacity * 80);
        if (run == 2) {
          // The alert comes with the warning, before any backup is refused.
          assertThat(alerts()).hasSize(1);
          assertThat(warnings("BackupStorageNearlyFull")).hasSize(1);
          assertThat(warnings("StoreNearlyFull")).hasSize(1);
        }
        clock.advance(Duration.ofHours(1));
      }
      assertThat(healthy)
          .containsExactly(
              "StoreHasRoom", "StoreHasRoom", "StoreNearlyFull", "StoreFull", "StoreFull");
      assertThat(storedNames()).hasSize(3);
      FailoverPolicyStatus last = stored().getStatus();
      assertThat(last.condition(ConditionTypes.BACKED_UP).orElseThrow().getReason())
          .isEqualTo("BackupRefused");
      assertThat(last.condition(ConditionTypes.BACKED_UP).orElseThrow().getMessage())
          .contains("does not run");
      assertThat(last.getBackups().getCopiesKept()).isEqualTo(3);
      assertThat(usage.get(4)).isLessThanOrEqualTo(80.0);
      // Told once, however many runs were refused after it.
      assertThat(alerts()).hasSize(1);
      assertThat(alerts().get(0).getSpec().getMessage()).contains("nears its limit");
    } finally {
      schedule.close();
    }
  }

  @Test
  void aVeleroBackupIsCreatedWhereItsApiIsServedAndNotWhereItIsNot() throws URISyntaxException {
    installVeleroInto("chicago");
    FailoverPolicy policy = placed("toronto");
    placeIn(policy, "chicago");
    PolicyBackups operator = backups(256L * 1024 * 1024, service("1h", 7, 80));

    BackupRecord inChicago = operator.takeBackup(policy, "chicago");
    String name = inChicago.getReference().substring(STORE.length() + 1);
    GenericKubernetesResource velero =
        testbed
            .dataCenter("chicago")
            .client()
            .genericKubernetesResources(VELERO_BACKUP)
            .inNamespace("velero")
            .withName(name)
            .get();
    assertThat(velero).isNotNull();
    assertThat(velero.getAdditionalProperties().get("spec"))
        .isEqualTo(
            Map.of(
                "includedNamespaces",
                List.of(namespace),
                "labelSelector",
                Map.of(
                    "matchLabels",
                    Map.of(PolicyLabels.NAMESPACE, namespace, PolicyLabels.NAME, "crm"))));
    assertThat(inChicago.getObjects()).isEqualTo(3);

    clock.advance(Duration.ofHours(1));
    BackupRun inToronto =
        operator.runIfDue(policy, "toronto", operator.terms(policy).orElseThrow());
    assertThat(inToronto.result()).isEqualTo(Result.Taken);
    assertThat(inToronto.veleroBackup()).isEmpty();
    assertThat(inToronto.message()).contains("toronto does not serve velero.io/v1");
  }

  @Test
  void aBackupRestoredIntoAnEmptyDataCenterMakesTheWorkloadAvailableThere() throws Exception {
    FailoverPolicy policy = placed("toronto");
    KubernetesClient washington = testbed.dataCenter("washington").client();
    dataCentersUsed.add("washington");
    assertThat(washington.namespaces().withName(namespace).get()).isNull();
    BackupRecord backup =
        backups(256L * 1024 * 1024, service("1h", 7, 80)).takeBackup(policy, "toronto");

    int exit =
        new CommandLine(new RestoreBackup())
            .execute(
                "--backup",
                backup.getReference().substring(STORE.length() + 1),
                "--backup-namespace",
                STORE,
                "--hub-kubeconfig",
                testbed.dataCenter("hub").kubeconfig().toString(),
                "--kubeconfig",
                testbed.dataCenter("washington").kubeconfig().toString(),
                "--wait",
                AVAILABLE_WITHIN.toSeconds() + "s");

    assertThat(exit).isZero();
    Deployment web =
        washington.apps().deployments().inNamespace(namespace).withName("crm-web").get();
    assertThat(web.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Available");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(web.getMetadata().getLabels()).containsEntry(PolicyLabels.NAME, "crm");
    assertThat(web.getMetadata().getManagedFields())
        .anySatisfy(f -> assertThat(f.getManager()).isEqualTo("failover-operator"));
    assertThat(washington.services().inNamespace(namespace).withName("crm-web").get()).isNotNull();
    assertThat(
            washington.configMaps().inNamespace(namespace).withName("crm-settings").get().getData())
        .containsEntry("greeting", "hello");
  }

  /** The policy in the hub (for its uid, Events and Notifications), placed in one data center. */
  private FailoverPolicy placed(String dataCenter) {
    FailoverPolicy policy = JSON.unmarshal(POLICY, FailoverPolicy.class);
    policy.getMetadata().setNamespace(namespace);
    FailoverPolicy created = hub.resource(policy).create();
    placeIn(created, dataCenter);
    return created;
  }

  /** Applies the workload there, as the operator does, and waits until it is Available. */
  private void placeIn(FailoverPolicy policy, String dataCenter) {
    dataCentersUsed.add(dataCenter);
    WorkloadApplier applier =
        new WorkloadApplier(testbed.dataCenter(dataCenter).client(), TenancyRule.namespaceOnly());
    applier.ensure(policy, ReplicasMode.Full);
    await()
        .atMost(AVAILABLE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> applier.observe(policy).available());
  }

  private PolicyBackups backups(long capacity, BackupService service) {
    return new PolicyBackups(
        new BackupStore(hub, STORE),
        capacity,
        name -> Optional.of(testbed.dataCenter(name).client()),
        policy -> Optional.of(service),
        new VeleroBackups("velero"),
        new BackupMetrics(new SimpleMeterRegistry()),
        clock);
  }

  private static BackupService service(String interval, int retain, int maxPercent) {
    BackupService service = new BackupService();
    service.setProvided(true);
    service.setInterval(interval);
    service.setRetainCopies(retain);
    service.setMaxStorageUsagePercent(maxPercent);
    return service;
  }

  private long learnTheBackupSize(FailoverPolicy policy) {
    BackupStore store = new BackupStore(hub, STORE);
    backups(256L * 1024 * 1024, service("1h", 7, 80)).takeBackup(policy, "toronto");
    List<StoredBackup> one = store.list();
    assertThat(one).hasSize(1);
    store.delete(one.get(0).name());
    await().atMost(Duration.ofSeconds(30)).until(() -> store.list().isEmpty());
    return one.get(0).bytes();
  }

  /**
   * One turn of the reconciler: note the policy (a run starts, as it is due), wait for the run to
   * end, note again to write its result, and persist the status as the reconciler would.
   */
  private FailoverPolicyStatus runOnce(BackupSchedule schedule) {
    FailoverPolicy policy = stored();
    FailoverPolicyStatus stored = policy.getStatus();
    FailoverPolicyStatus status = stored == null ? new FailoverPolicyStatus() : JSON.clone(stored);
    Optional<BackupRun> before = schedule.lastRun(policy.getMetadata().getUid());
    schedule.note(policy, status, stored, "toronto");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                schedule.lastRun(policy.getMetadata().getUid()).isPresent()
                    && !schedule.lastRun(policy.getMetadata().getUid()).equals(before));
    schedule.note(policy, status, stored, null);
    policy.setStatus(status);
    hub.resource(policy).updateStatus();
    return status;
  }

  private FailoverPolicy stored() {
    return hub.resources(FailoverPolicy.class).inNamespace(namespace).withName("crm").get();
  }

  private List<String> storedNames() {
    return new BackupStore(hub, STORE).list().stream().map(StoredBackup::name).toList();
  }

  private long storeBytes() {
    return new BackupStore(hub, STORE).list().stream().mapToLong(StoredBackup::bytes).sum();
  }

  private void subscribeTheProvider() {
    WebhookConfig webhook = new WebhookConfig();
    webhook.setUrl("https://provider.example/alerts");
    SecretKeyRef hmac = new SecretKeyRef();
    hmac.setName("provider-hook");
    hmac.setKey("hmac");
    webhook.setHmacSecretRef(hmac);
    NotificationChannelSpec spec = new NotificationChannelSpec();
    spec.setType(ChannelType.Webhook);
    spec.setWebhook(webhook);
    spec.setEventTypes(List.of(NotificationEventType.BackupStorageNearlyFull));
    NotificationChannel channel = new NotificationChannel();
    channel.setMetadata(
        new ObjectMetaBuilder().withName("provider").withNamespace(namespace).build());
    channel.setSpec(spec);
    hub.resource(channel).create();
  }

  private List<Notification> alerts() {
    return hub.resources(Notification.class).inNamespace(namespace).list().getItems().stream()
        .filter(n -> n.getSpec().getType() == NotificationEventType.BackupStorageNearlyFull)
        .toList();
  }

  private List<Event> warnings(String reason) {
    return hub.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
        .toList();
  }

  private void installVeleroInto(String dataCenter) throws URISyntaxException {
    KubernetesClient client = testbed.dataCenter(dataCenter).client();
    veleroInstalledIn.add(dataCenter);
    dataCentersUsed.add(dataCenter);
    FailoverCrds.install(
        client, Path.of(getClass().getResource("/velero/backups.velero.io.yaml").toURI()));
    createNamespace(client, "velero");
  }

  private static void createNamespace(KubernetesClient client, String name) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static void deleteNamespace(KubernetesClient client, String name, List<Runnable> waits) {
    NamespaceRemoval.begin(client, name);
    waits.add(
        () -> NamespaceRemoval.awaitGone(client, name, Duration.ofSeconds(GONE_WITHIN_SECONDS)));
  }

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
