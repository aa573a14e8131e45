package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.BackupRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.ShortName;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.WorkloadManifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backup as a hub Secret in the test's namespace: the policy's objects as the data center holds
 * them, as re-appliable YAML (no status, uid, resourceVersion or managedFields), one Secret per
 * run, owned by the test (deleting the test deletes its backups). A Secret, not a ConfigMap,
 * because manifests may carry what only the policy's owners should read.
 */
public final class HubSecretBackup implements RestoreBackup {
  /** A Secret holds 1 MiB; what does not fit with room to spare fails the backup. */
  static final int MAX_BYTES = 900 * 1024;

  static final String KEY = "objects.yaml";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesClient hub;
  private final DataCenterConnections connections;
  private final Clock clock;

  public HubSecretBackup(KubernetesClient hub, DataCenterConnections connections, Clock clock) {
    this.hub = hub;
    this.connections = connections;
    this.clock = clock;
  }

  @Override
  public BackupRecord backUp(ChaosRestoreTest test, FailoverPolicy policy, String dataCenter) {
    KubernetesClient member =
        connections
            .client(dataCenter)
            .orElseThrow(() -> new IllegalStateException("no connection to " + dataCenter));
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (GenericKubernetesResource wanted : WorkloadManifests.desired(policy, ReplicasMode.Full)) {
      Optional.ofNullable(member.resource(wanted).get())
          .filter(found -> PolicyLabels.isOwnedBy(found, policy))
          .map(HubSecretBackup::reappliable)
          .ifPresent(objects::add);
    }
    String yaml = yaml(objects);
    int size = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      throw new IllegalStateException(
          "the backup is " + size + " bytes, more than the " + MAX_BYTES + " a Secret holds");
    }
    String name = name(test);
    Secret secret = secret(test, policy, dataCenter, name, yaml);
    try {
      hub.resource(secret).create();
    } catch (KubernetesClientException e) {
      // Already taken for this run, by this operator before a restart: the same backup.
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    BackupRecord record = new BackupRecord();
    record.setReference("Secret/" + test.getMetadata().getNamespace() + "/" + name);
    record.setObjects(objects.size());
    record.setCompletedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return record;
  }

  /** One name per run, so a later run never overwrites the backup an earlier one promoted on. */
  static String name(ChaosRestoreTest test) {
    int run =
        test.getStatus() == null || test.getStatus().getRuns() == null
            ? 1
            : test.getStatus().getRuns();
    return ShortName.of(test.getMetadata().getName() + "-backup-" + run, 253);
  }

  static String yaml(List<GenericKubernetesResource> objects) {
    StringBuilder yaml = new StringBuilder();
    for (GenericKubernetesResource object : objects) {
      yaml.append("---\n").append(SERIALIZATION.asYaml(object).replaceFirst("^---\n", ""));
    }
    return yaml.toString();
  }

  private static GenericKubernetesResource reappliable(GenericKubernetesResource found) {
    GenericKubernetesResource copy = SERIALIZATION.clone(found);
    var metadata = copy.getMetadata();
    metadata.setManagedFields(null);
    metadata.setUid(null);
    metadata.setResourceVersion(null);
    metadata.setGeneration(null);
    metadata.setCreationTimestamp(null);
    metadata.setOwnerReferences(null);
    copy.getAdditionalProperties().remove("status");
    return copy;
  }

  private static Secret secret(
      ChaosRestoreTest test, FailoverPolicy policy, String dataCenter, String name, String yaml) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(test.getMetadata().getNamespace())
        .withLabels(
            Map.of(
                TestNamespaces.TEST_LABEL,
                PolicyLabels.labelValue(test.getMetadata().getName()),
                PolicyLabels.MANAGED_BY,
                "failover-operator"))
        .withAnnotations(
            Map.of(
                "failover.dev/data-center",
                dataCenter,
                "failover.dev/policy",
                policy.getMetadata().getName()))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(test.getApiVersion())
                .withKind(test.getKind())
                .withName(test.getMetadata().getName())
                .withUid(test.getMetadata().getUid())
                .build())
        .endMetadata()
        .withType("Opaque")
        .withStringData(Map.of(KEY, yaml))
        .build();
  }
}
