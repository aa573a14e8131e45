package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.workload.GroupKind;
import dev.failover.core.workload.TenancyRule;
import dev.failover.e2e.NamespaceRemoval;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenancy boundary at apply time, against a real data center (Toronto): the data center's own
 * discovery says which kinds are cluster-scoped or not served, and objects another manager made are
 * left alone unless the policy adopts them. Each test has its own namespace, deleted after.
 */
@ExtendWith(SharedTestbedExtension.class)
class WorkloadTenancyIT {
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final List<String> NAMESPACES = new ArrayList<>();
  private static Testbed shared;

  @Test
  void aClusterScopedKindIsRefusedByDiscoveryBeforeAnythingIsSent(Testbed testbed) {
    FailoverPolicy policy = policyIn(testbed, "tenancy-cluster-role");
    policy.getSpec().getWorkload().getManifests().add(clusterRole("tenancy-escalate"));

    assertThatThrownBy(
            () -> applier(testbed, TenancyRule.namespaceOnly()).ensure(policy, ReplicasMode.Full))
        .isInstanceOf(WorkloadRefused.class)
        .hasMessageContaining("cluster-scoped rbac.authorization.k8s.io/ClusterRole");

    KubernetesClient toronto = toronto(testbed);
    assertThat(toronto.rbac().clusterRoles().withName("tenancy-escalate").get()).isNull();
    assertThat(deployment(testbed, policy)).isNull();
  }

  @Test
  void anAllowedClusterScopedKindIsAppliedWithoutNamespaceAndRemovedWithThePolicy(Testbed testbed) {
    FailoverPolicy policy = policyIn(testbed, "tenancy-allowed");
    policy.getSpec().getWorkload().getManifests().add(clusterRole("tenancy-allowed-reader"));
    WorkloadApplier applier =
        applier(
            testbed,
            new TenancyRule(Set.of(GroupKind.parse("rbac.authorization.k8s.io/ClusterRole"))));

    applier.ensure(policy, ReplicasMode.Full);
    assertThat(toronto(testbed).rbac().clusterRoles().withName("tenancy-allowed-reader").get())
        .isNotNull();

    applier.remove(policy);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(
                        toronto(testbed)
                            .rbac()
                            .clusterRoles()
                            .withName("tenancy-allowed-reader")
                            .get())
                    .isNull());
  }

  @Test
  void aKindTheDataCenterDoesNotServeIsRefusedWithItsName(Testbed testbed) {
    FailoverPolicy policy = policyIn(testbed, "tenancy-unserved");
    policy
        .getSpec()
        .getWorkload()
        .getManifests()
        .add(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("widgets.example.com/v1")
                .withKind("Widget")
                .withNewMetadata()
                .withName("w")
                .endMetadata()
                .build());

    assertThatThrownBy(
            () -> applier(testbed, TenancyRule.namespaceOnly()).ensure(policy, ReplicasMode.Full))
        .isInstanceOf(WorkloadRefused.class)
        .hasMessageContaining("does not serve kind Widget in widgets.example.com/v1");
    assertThat(deployment(testbed, policy)).isNull();
  }

  @Test
  void anObjectSomeoneElseMadeIsNeitherAppliedOverNorScaledNorDeletedNorCounted(Testbed testbed) {
    FailoverPolicy policy = policyIn(testbed, "tenancy-foreign");
    String namespace = policy.getMetadata().getNamespace();
    createDeploymentByHand(testbed, namespace, "theirs", "registry.example/theirs:1");
    WorkloadApplier applier = applier(testbed, TenancyRule.namespaceOnly());

    assertThatThrownBy(() -> applier.ensure(policy, ReplicasMode.Full))
        .isInstanceOf(WorkloadRefused.class)
        .hasMessageContaining("apps/Deployment " + namespace + "/crm-web already exists")
        .hasMessageContaining("spec.workload.adopt");
    applier.fence(policy);
    applier.remove(policy);

    Deployment theirs = deployment(testbed, policy);
    assertThat(theirs).isNotNull();
    assertThat(theirs.getSpec().getReplicas()).isEqualTo(1);
    assertThat(theirs.getMetadata().getLabels()).doesNotContainKey(PolicyLabels.NAME);
    assertThat(applier.observe(policy).applied()).isFalse();
  }

  @Test
  void anAdoptingPolicyTakesTheObjectOver(Testbed testbed) {
    FailoverPolicy policy = policyIn(testbed, "tenancy-adopt");
    String namespace = policy.getMetadata().getNamespace();
    createDeploymentByHand(testbed, namespace, "crm-web", "registry.example/crm:0.9");
    policy.getSpec().getWorkload().setAdopt(true);
    WorkloadApplier applier = applier(testbed, TenancyRule.namespaceOnly());

    applier.ensure(policy, ReplicasMode.Full);

    Deployment adopted = deployment(testbed, policy);
    assertThat(adopted.getMetadata().getLabels()).containsEntry(PolicyLabels.NAME, "crm");
    assertThat(adopted.getSpec().getReplicas()).isEqualTo(2);
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(applier.observe(policy))
                    .isEqualTo(WorkloadObservation.running(2, true)));
  }

  @AfterAll
  static void deleteNamespaces() {
    if (shared == null) {
      return;
    }
    KubernetesClient toronto = shared.dataCenter("toronto").client();
    NAMESPACES.forEach(namespace -> NamespaceRemoval.begin(toronto, namespace));
    await()
        .atMost(WITHIN)
        .untilAsserted(
            () ->
                assertThat(NAMESPACES)
                    .allSatisfy(
                        namespace ->
                            assertThat(toronto.namespaces().withName(namespace).get()).isNull()));
  }

  private static FailoverPolicy policyIn(Testbed testbed, String namespace) {
    shared = testbed;
    NAMESPACES.add(namespace);
    toronto(testbed)
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    FailoverPolicy policy = Examples.crmPolicyIn(namespace);
    policy
        .getSpec()
        .getWorkload()
        .setManifests(new ArrayList<>(policy.getSpec().getWorkload().getManifests()));
    return policy;
  }

  /** Deployment crm-web, made by someone else: no policy labels, its own app label and image. */
  private static void createDeploymentByHand(
      Testbed testbed, String namespace, String app, String image) {
    toronto(testbed)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("crm-web")
                .withNamespace(namespace)
                .withLabels(Map.of("app", app))
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(Map.of("app", app))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", app))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("main")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  private static GenericKubernetesResource clusterRole(String name) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("rbac.authorization.k8s.io/v1")
        .withKind("ClusterRole")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties(
            "rules",
            List.of(
                Map.of(
                    "apiGroups",
                    List.of(""),
                    "resources",
                    List.of("configmaps"),
                    "verbs",
                    List.of("get"))))
        .build();
  }

  private static WorkloadApplier applier(Testbed testbed, TenancyRule rule) {
    return new WorkloadApplier(testbed.dataCenter("toronto").proxiedClient(), rule);
  }

  private static KubernetesClient toronto(Testbed testbed) {
    return testbed.dataCenter("toronto").client();
  }

  private static Deployment deployment(Testbed testbed, FailoverPolicy policy) {
    return toronto(testbed)
        .apps()
        .deployments()
        .inNamespace(policy.getMetadata().getNamespace())
        .withName("crm-web")
        .get();
  }
}
