package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.DisasterRecoveryStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.core.failover.ReplicasMode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadManifestsTest {

  @Test
  void objectsGoIntoThePolicysNamespaceEvenWhenTheirManifestNamesAnother() {
    List<GenericKubernetesResource> objects =
        WorkloadManifests.desired(Policies.crm(), ReplicasMode.Full);

    assertThat(objects)
        .extracting(o -> o.getKind() + " " + o.getMetadata().getNamespace())
        .containsExactly("Deployment shop", "StatefulSet shop", "Service shop");
  }

  @Test
  void everyObjectCarriesThePolicyLabelsBesideItsOwn() {
    List<GenericKubernetesResource> objects =
        WorkloadManifests.desired(Policies.crm(), ReplicasMode.Full);

    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsEntry(PolicyLabels.NAMESPACE, "shop")
                    .containsEntry(PolicyLabels.NAME, "crm")
                    .containsEntry(PolicyLabels.MANAGED_BY, "failover-operator"));
    assertThat(objects.get(0).getMetadata().getLabels()).containsEntry("app", "crm-web");
  }

  @Test
  void fullSizeIsTheManifestsReplicasOrKubernetesDefaultOfOne() {
    List<GenericKubernetesResource> objects =
        WorkloadManifests.desired(Policies.crm(), ReplicasMode.Full);

    assertThat(replicas(objects.get(0))).isEqualTo(3);
    assertThat(replicas(objects.get(1))).isEqualTo(1);
  }

  @Test
  void scaledDownSetsDeploymentsAndStatefulSetsToZeroAndLeavesOtherObjectsAlone() {
    List<GenericKubernetesResource> full =
        WorkloadManifests.desired(Policies.crm(), ReplicasMode.Full);
    List<GenericKubernetesResource> scaledDown =
        WorkloadManifests.desired(Policies.crm(), ReplicasMode.ScaledDown);

    assertThat(replicas(scaledDown.get(0))).isEqualTo(0);
    assertThat(replicas(scaledDown.get(1))).isEqualTo(0);
    assertThat(scaledDown.get(2)).isEqualTo(full.get(2));
    assertThat(spec(scaledDown.get(2))).doesNotContainKey("replicas");
  }

  @Test
  void thePolicysManifestsAreNotModified() {
    FailoverPolicy policy = Policies.crm();
    String before = Policies.SERIALIZATION.asJson(policy);

    WorkloadManifests.desired(policy, ReplicasMode.ScaledDown);

    assertThat(Policies.SERIALIZATION.asJson(policy)).isEqualTo(before);
  }

  @Test
  void metadataThatOnlyALiveObjectHasIsDropped() {
    FailoverPolicy policy = Policies.crm();
    GenericKubernetesResource manifest = policy.getSpec().getWorkload().getManifests().get(2);
    manifest.getMetadata().setUid("0b7e0c5a-0000-4000-8000-000000000002");
    manifest.getMetadata().setResourceVersion("4711");

    GenericKubernetesResource object = WorkloadManifests.desired(policy, ReplicasMode.Full).get(2);

    assertThat(object.getMetadata().getUid()).isNull();
    assertThat(object.getMetadata().getResourceVersion()).isNull();
    assertThat(object.getMetadata().getName()).isEqualTo("crm-web");
  }

  @Test
  void replicasThatAreNotANumberAreAnErrorNamingTheManifest() {
    FailoverPolicy policy = Policies.crm();
    spec(policy.getSpec().getWorkload().getManifests().get(0)).put("replicas", "three");

    assertThatThrownBy(() -> WorkloadManifests.desired(policy, ReplicasMode.Full))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Deployment crm-web")
        .hasMessageContaining("spec.replicas");
  }

  @Test
  void onlyDeploymentsAndStatefulSetsOfTheAppsGroupAreScalable() {
    assertThat(WorkloadManifests.isScalable(object("apps/v1", "Deployment"))).isTrue();
    assertThat(WorkloadManifests.isScalable(object("apps/v1", "StatefulSet"))).isTrue();
    assertThat(WorkloadManifests.isScalable(object("apps/v1", "DaemonSet"))).isFalse();
    assertThat(WorkloadManifests.isScalable(object("example.com/v1", "Deployment"))).isFalse();
    assertThat(WorkloadManifests.isScalable(object("v1", "Service"))).isFalse();
  }

  @Test
  void inDisasterRecoveryModeOnlyTheCriticalApplicationsKeepTheirReplicas() {
    FailoverPolicy policy = inDisasterRecoveryMode(true);

    List<GenericKubernetesResource> full = WorkloadManifests.desired(policy, ReplicasMode.Full);

    assertThat(replicas(full.get(0))).as("crm-web is not critical").isEqualTo(0);
    assertThat(replicas(full.get(1))).as("crm-db is critical").isEqualTo(1);
    assertThat(spec(full.get(2))).doesNotContainKey("replicas");
    assertThat(CriticalOnlyPosture.heldAtZero(policy)).containsExactly("crm-web");
  }

  @Test
  void outOfDisasterRecoveryModeEveryObjectHasItsDeclaredReplicasAgain() {
    FailoverPolicy policy = inDisasterRecoveryMode(false);

    List<GenericKubernetesResource> full = WorkloadManifests.desired(policy, ReplicasMode.Full);

    assertThat(replicas(full.get(0))).isEqualTo(3);
    assertThat(replicas(full.get(1))).isEqualTo(1);
    assertThat(CriticalOnlyPosture.heldAtZero(policy)).isEmpty();
  }

  private static FailoverPolicy inDisasterRecoveryMode(boolean active) {
    FailoverPolicy policy = Policies.crm();
    policy.getSpec().getWorkload().setCriticalApplications(List.of("crm-db"));
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    DisasterRecoveryStatus dr = new DisasterRecoveryStatus();
    dr.setActive(active);
    status.setDisasterRecovery(dr);
    policy.setStatus(status);
    return policy;
  }

  private static GenericKubernetesResource object(String apiVersion, String kind) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withNewMetadata()
        .withName("x")
        .endMetadata()
        .build();
  }

  private static Object replicas(GenericKubernetesResource object) {
    return spec(object).get("replicas");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }
}
