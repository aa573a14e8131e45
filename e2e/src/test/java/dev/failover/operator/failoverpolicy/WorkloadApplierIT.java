package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.e2e.NamespaceRemoval;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workload actions against a real data center (Toronto, kwok nodes run the pods). The applier
 * goes through Toronto's proxy with short timeouts, as the operator would; the checks read Toronto
 * directly. Each test has its own namespaces, deleted after it; the class waits for them all at its
 * end, once.
 */
@ExtendWith(SharedTestbedExtension.class)
class WorkloadApplierIT {
  private static final Duration AVAILABLE_WITHIN = Duration.ofSeconds(60);
  private static final Duration GONE_WITHIN = Duration.ofMinutes(2);

  /** The namespaces this test's policies live in; deleted after it, whatever it created. */
  private final Set<String> namespaces = new LinkedHashSet<>();

  private FailoverPolicy policyIn(String namespace) {
    namespaces.add(namespace);
    return Examples.crmPolicyIn(namespace);
  }

  /** The namespaces of this class's tests, being deleted; the class waits for them at its end. */
  private static final Set<String> DELETED = ConcurrentHashMap.newKeySet();

  /** Deletes the test's namespaces from Toronto; no other test uses them. */
  @AfterEach
  void deleteTheNamespaces(Testbed testbed) {
    KubernetesClient toronto = toronto(testbed);
    namespaces.forEach(namespace -> NamespaceRemoval.begin(toronto, namespace));
    DELETED.addAll(namespaces);
  }

  /** Waits until every test's namespaces are gone from Toronto: the next class starts clean. */
  @AfterAll
  static void awaitTheNamespacesGone(Testbed testbed) {
    KubernetesClient toronto = toronto(testbed);
    await()
        .atMost(GONE_WITHIN)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(DELETED)
                    .as("namespaces of this class's tests still in Toronto")
                    .noneMatch(
                        namespace -> toronto.namespaces().withName(namespace).get() != null));
    DELETED.clear();
  }

  @Test
  void ensureAtFullSizeCreatesTheNamespaceAndRunsTheWorkloadUntilAvailable(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-full");
    WorkloadApplier applier = applier(testbed);
    assertThat(applier.observe(policy)).isEqualTo(WorkloadObservation.absent());

    applier.ensure(policy, ReplicasMode.Full);

    assertThat(toronto(testbed).namespaces().withName("apply-full").get()).isNotNull();
    Deployment web = deployment(testbed, policy);
    assertThat(web.getSpec().getReplicas()).isEqualTo(2);
    assertThat(web.getMetadata().getLabels())
        .containsEntry("app", "crm-web")
        .containsEntry(PolicyLabels.NAMESPACE, "apply-full")
        .containsEntry(PolicyLabels.NAME, "crm");
    assertThat(web.getMetadata().getManagedFields())
        .anySatisfy(
            entry -> {
              assertThat(entry.getManager()).isEqualTo(ServerSideApply.FIELD_MANAGER);
              assertThat(entry.getOperation()).isEqualTo("Apply");
            });
    awaitObservation(applier, policy, WorkloadObservation.running(2, true));
  }

  @Test
  void ensureScaledDownKeepsTheWorkloadAppliedAtZeroReplicas(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-scaled-down");
    WorkloadApplier applier = applier(testbed);
    applier.ensure(policy, ReplicasMode.Full);
    awaitObservation(applier, policy, WorkloadObservation.running(2, true));

    applier.ensure(policy, ReplicasMode.ScaledDown);

    assertThat(applier.observe(policy)).isEqualTo(WorkloadObservation.scaledDown());
    assertThat(deployment(testbed, policy).getSpec().getReplicas()).isZero();
    assertThat(service(testbed, policy)).isNotNull();
  }

  @Test
  void aWorkloadWhosePodsCannotBeScheduledIsAppliedButNotAvailable(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-unschedulable");
    podSpec(policy).put("nodeSelector", Map.of("failover.dev/no-such-node", "true"));
    WorkloadApplier applier = applier(testbed);

    applier.ensure(policy, ReplicasMode.Full);

    await()
        .atMost(AVAILABLE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(deployment(testbed, policy).getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("Available");
                          assertThat(c.getStatus()).isEqualTo("False");
                        }));
    assertThat(applier.observe(policy)).isEqualTo(WorkloadObservation.running(2, false));
  }

  @Test
  void fenceNeverCreatesAWorkload(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-fence-missing");
    WorkloadApplier applier = applier(testbed);

    applier.fence(policy);
    assertThat(toronto(testbed).namespaces().withName("apply-fence-missing").get()).isNull();

    toronto(testbed)
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("apply-fence-missing")
                .endMetadata()
                .build())
        .create();
    applier.fence(policy);

    assertThat(
            toronto(testbed)
                .apps()
                .deployments()
                .inNamespace("apply-fence-missing")
                .list()
                .getItems())
        .isEmpty();
    assertThat(applier.observe(policy)).isEqualTo(WorkloadObservation.absent());
  }

  @Test
  void fenceScalesARunningWorkloadToZeroAndEnsureScalesItBackUp(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-fence-running");
    WorkloadApplier applier = applier(testbed);
    applier.ensure(policy, ReplicasMode.Full);
    awaitObservation(applier, policy, WorkloadObservation.running(2, true));

    applier.fence(policy);

    assertThat(applier.observe(policy)).isEqualTo(WorkloadObservation.scaledDown());
    // The generation moves with every write to the spec, and only then: the deployment
    // controller's status updates, which also move the resourceVersion, do not count.
    Long fenced = deployment(testbed, policy).getMetadata().getGeneration();
    applier.fence(policy);
    assertThat(deployment(testbed, policy).getMetadata().getGeneration()).isEqualTo(fenced);

    applier.ensure(policy, ReplicasMode.Full);

    assertThat(deployment(testbed, policy).getSpec().getReplicas()).isEqualTo(2);
    awaitObservation(applier, policy, WorkloadObservation.running(2, true));
  }

  @Test
  void removeDeletesTheWorkloadButKeepsItsNamespaceAndWhatElseIsInIt(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-remove");
    WorkloadApplier applier = applier(testbed);
    applier.ensure(policy, ReplicasMode.Full);
    toronto(testbed)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("not-the-workload")
                .withNamespace("apply-remove")
                .endMetadata()
                .build())
        .create();

    applier.remove(policy);

    awaitObservation(applier, policy, WorkloadObservation.absent());
    assertThat(deployment(testbed, policy)).isNull();
    assertThat(service(testbed, policy)).isNull();
    assertThat(toronto(testbed).namespaces().withName("apply-remove").get()).isNotNull();
    assertThat(
            toronto(testbed)
                .configMaps()
                .inNamespace("apply-remove")
                .withName("not-the-workload")
                .get())
        .isNotNull();

    applier.remove(policy);
    applier.remove(policyIn("apply-remove-never-created"));
  }

  @Test
  void applyingTheSameContentAgainWritesNothing(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-twice");
    WorkloadApplier applier = applier(testbed);
    applier.ensure(policy, ReplicasMode.Full);
    awaitRolloutComplete(testbed, policy);
    List<String> before = resourceVersions(testbed, policy);

    applier.ensure(policy, ReplicasMode.Full);

    assertThat(resourceVersions(testbed, policy)).isEqualTo(before);
  }

  /**
   * A cut-off data center fails each action with the connection error, rather than a retry loop or
   * a hang (the JUnit timeout would catch that); no action reaches Toronto.
   */
  @Test
  void aDataCenterCutOffFailsEveryActionWithItsConnectionError(Testbed testbed) {
    FailoverPolicy policy = policyIn("apply-cut-off");
    DataCenterCluster toronto = testbed.dataCenter("toronto");
    WorkloadApplier applier = applier(testbed);
    toronto.cut();
    try {
      Throwable observing = catchThrowable(() -> applier.observe(policy));
      Throwable ensuring = catchThrowable(() -> applier.ensure(policy, ReplicasMode.Full));
      Throwable fencing = catchThrowable(() -> applier.fence(policy));

      assertThat(List.of(observing, ensuring, fencing))
          .allSatisfy(
              failure -> {
                assertThat(failure).isInstanceOf(KubernetesClientException.class);
                assertThat(causes(failure))
                    .as("a connection failure among the causes of %s", failure)
                    .anyMatch(IOException.class::isInstance);
              });
    } finally {
      toronto.uncut();
    }
    assertThat(toronto(testbed).namespaces().withName("apply-cut-off").get()).isNull();
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static WorkloadApplier applier(Testbed testbed) {
    return new WorkloadApplier(
        testbed.dataCenter("toronto").proxiedClient(),
        dev.failover.core.workload.TenancyRule.namespaceOnly());
  }

  private static KubernetesClient toronto(Testbed testbed) {
    return testbed.dataCenter("toronto").client();
  }

  private static void awaitObservation(
      WorkloadApplier applier, FailoverPolicy policy, WorkloadObservation expected) {
    await()
        .atMost(AVAILABLE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(applier.observe(policy)).isEqualTo(expected));
  }

  /** Until then the deployment controller still writes status, which would bump the version. */
  private static void awaitRolloutComplete(Testbed testbed, FailoverPolicy policy) {
    await()
        .atMost(AVAILABLE_WITHIN)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(deployment(testbed, policy).getStatus().getConditions())
                    .anySatisfy(
                        c -> {
                          assertThat(c.getType()).isEqualTo("Progressing");
                          assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable");
                        }));
  }

  private static Deployment deployment(Testbed testbed, FailoverPolicy policy) {
    return toronto(testbed)
        .apps()
        .deployments()
        .inNamespace(policy.getMetadata().getNamespace())
        .withName("crm-web")
        .get();
  }

  private static HasMetadata service(Testbed testbed, FailoverPolicy policy) {
    return toronto(testbed)
        .services()
        .inNamespace(policy.getMetadata().getNamespace())
        .withName("crm-web")
        .get();
  }

  /** Of the namespace and every workload object, in that order. */
  private static List<String> resourceVersions(Testbed testbed, FailoverPolicy policy) {
    String namespace = policy.getMetadata().getNamespace();
    return Stream.of(
            toronto(testbed).namespaces().withName(namespace).get(),
            deployment(testbed, policy),
            service(testbed, policy))
        .map(object -> object.getMetadata().getResourceVersion())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(FailoverPolicy policy) {
    GenericKubernetesResource web = policy.getSpec().getWorkload().getManifests().get(0);
    Map<String, Object> spec = (Map<String, Object>) web.getAdditionalProperties().get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    return (Map<String, Object>) template.get("spec");
  }
}
