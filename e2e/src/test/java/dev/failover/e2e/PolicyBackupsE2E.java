package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.operator.backup.BackupArchive;
import dev.failover.operator.backup.BackupStore;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backup service as the operator process runs it, with the chart's RBAC: a policy under a rider
 * whose failover plan provides backups is backed up from its active data center into the chart's
 * backup store once it is settled, and its status, conditions and metrics say so.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyBackupsE2E {
  private static final String NAMESPACE = "e2e-backups";
  private static final String RIDER = "billing";
  private static final Duration SETTLE = Duration.ofSeconds(90);

  private FailoverWorld world;
  private OperatorProcess operator;
  private PolicyDraft policy;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator = world.operator();
    ServerSideApply.namespace(world.hub(), NAMESPACE);
    world.apply(rider());
    BlackoutChecks.awaitAllHealthy(world);
    policy = PolicyDraft.of(NAMESPACE, "billing-a").withRider("PaasRider", RIDER);
    policy.applyTo(world).awaitActiveIn("toronto", SETTLE);
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null && policy != null) {
        String uid = policyResource().get().getMetadata().getUid();
        policy.deleteFrom(world);
        riderResource().delete();
        riderResource().waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        // The backups outlive their policy on purpose; this test's go with it.
        world
            .hub()
            .secrets()
            .inNamespace(OperatorLaunch.BACKUP_NAMESPACE)
            .withLabel(BackupStore.POLICY_UID_LABEL, uid)
            .delete();
      }
    } finally {
      if (world != null) {
        world.close();
      }
    }
  }

  @Test
  void aSettledPolicyIsBackedUpFromItsActiveDataCenterIntoTheStore() {
    FailoverPolicyStatus status =
        await("the first backup in status")
            .atMost(SETTLE)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> policyResource().get().getStatus(),
                s ->
                    s != null
                        && s.getBackups() != null
                        && s.getBackups().getLastBackup() != null
                        && s.condition(ConditionTypes.BACKED_UP).isPresent());
    assertThat(status.condition(ConditionTypes.BACKED_UP).orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(status.condition(ConditionTypes.BACKUP_STORAGE_HEALTHY).orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(status.getBackups().getDataCenter()).isEqualTo("toronto");
    assertThat(status.getBackups().getCopiesKept()).isEqualTo(1);
    assertThat(status.getBackups().getNextDue()).isNotNull();

    Secret backup =
        world
            .hub()
            .secrets()
            .inNamespace(OperatorLaunch.BACKUP_NAMESPACE)
            .withName(status.getBackups().getLastBackup())
            .get();
    BackupArchive archive = BackupStore.read(backup, status.getBackups().getLastBackup());
    assertThat(archive.dataCenter()).isEqualTo("toronto");
    assertThat(archive.objects())
        .anySatisfy(
            object -> {
              assertThat(object.get("kind")).isEqualTo("Deployment");
              assertThat(((Map<?, ?>) object.get("metadata")).get("name"))
                  .isEqualTo(policy.deployment());
            });
    assertThat(operator.metrics())
        .contains("failover_backups_total{result=\"taken\"")
        .contains("failover_backup_store_usage_ratio");
  }

  private PaasRider rider() {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: PaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxApplicationsDeveloped: 2, maxConcurrentDevelopers: 2, maxConcurrentSaasUsers: 100}
          applicationDevelopment: {applicationTypes: [BillingPayroll]}
          failoverPlan:
            maxFailoverTime: 1m
            backupService: {provided: true, interval: 1h, retainCopies: 2, maxStorageUsagePercent: 80}
          grants:
            - subjects: [{kind: User, name: alice}]
              tasks: [RunBackups]
        """
            .formatted(RIDER, NAMESPACE);
    return world.hub().getKubernetesSerialization().unmarshal(yaml, PaasRider.class);
  }

  private Resource<PaasRider> riderResource() {
    return world.hub().resources(PaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
  }

  private Resource<FailoverPolicy> policyResource() {
    return world
        .hub()
        .resources(FailoverPolicy.class)
        .inNamespace(NAMESPACE)
        .withName(policy.name());
  }
}
