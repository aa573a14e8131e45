package dev.failover.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.chaos.FaultTargets;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCopyTest {
  private static final Map<String, String> TEST_LABELS =
      Map.of(TestNamespaces.TEST_LABEL, "toronto-check");

  private static final FailoverPolicy SHOP =
      new KubernetesSerialization()
          .unmarshal(
              """
              apiVersion: failover.dev/v1alpha1
              kind: FailoverPolicy
              metadata: {name: crm, namespace: shop}
              spec:
                riderRef: {kind: SaasRider, name: crm}
                placement: {primary: toronto, secondaries: [chicago]}
                workload:
                  manifests:
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: web, labels: {app: web}}
                      spec:
                        replicas: 2
                        selector: {matchLabels: {app: web}}
                        template:
                          metadata: {labels: {app: web}}
                          spec: {containers: [{name: web, image: registry.example/web:1}]}
                    - apiVersion: v1
                      kind: Service
                      metadata: {name: web}
                      spec:
                        type: LoadBalancer
                        clusterIP: 10.0.0.7
                        loadBalancerIP: 203.0.113.9
                        selector: {app: web}
                        ports: [{port: 80, nodePort: 30080}]
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata: {name: settings}
                      data: {mode: test}
                    - apiVersion: networking.k8s.io/v1
                      kind: Ingress
                      metadata: {name: web}
                      spec: {rules: [{host: shop.example}]}
                    - apiVersion: rbac.authorization.k8s.io/v1
                      kind: ClusterRole
                      metadata: {name: shop-reader}
              """,
              FailoverPolicy.class);

  private final List<GenericKubernetesResource> copy =
      TestCopy.of(SHOP, "crt-0123456789ab", TEST_LABELS, ReplicasMode.Full);

  @Test
  void everyObjectGoesIntoTheTestNamespaceWithTheTestsLabelsNotThePolicys() {
    assertThat(copy)
        .extracting(o -> o.getMetadata().getNamespace())
        .containsOnly("crt-0123456789ab");
    assertThat(copy)
        .allSatisfy(
            o ->
                assertThat(o.getMetadata().getLabels())
                    .containsAllEntriesOf(TEST_LABELS)
                    .doesNotContainKeys(
                        PolicyLabels.NAME, PolicyLabels.NAMESPACE, PolicyLabels.MANAGED_BY));
    assertThat(copy.get(0).getMetadata().getLabels()).containsEntry("app", "web");
  }

  @Test
  void nothingThatTakesTrafficOrIsClusterScopedIsCopied() {
    assertThat(copy)
        .extracting(GenericKubernetesResource::getKind)
        .containsExactly("Deployment", "Service", "ConfigMap");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServiceBecomesAPlainClusterIpServiceWithoutAddressesOrNodePorts() {
    Map<String, Object> spec =
        (Map<String, Object>) copy.get(1).getAdditionalProperties().get("spec");
    assertThat(spec)
        .containsEntry("type", "ClusterIP")
        .doesNotContainKeys("clusterIP", "loadBalancerIP");
    List<Map<String, Object>> ports = (List<Map<String, Object>>) spec.get("ports");
    assertThat(ports.get(0)).containsEntry("port", 80).doesNotContainKey("nodePort");
  }

  @Test
  void theDeploymentKeepsItsFullSizeAndThePolicyIsUntouched() {
    Map<?, ?> spec = (Map<?, ?>) copy.get(0).getAdditionalProperties().get("spec");
    assertThat(spec.get("replicas")).isEqualTo(2);
    assertThat(
            SHOP.getSpec()
                .getWorkload()
                .getManifests()
                .get(1)
                .getAdditionalProperties()
                .get("spec"))
        .asString()
        .contains("LoadBalancer");
  }

  @Test
  void theFaultTargetsAreTheCopysWorkloadsServicesAndConfigMaps() {
    assertThat(TestCopy.targets(copy))
        .isEqualTo(new FaultTargets(List.of("web"), List.of("web"), List.of("settings")));
  }
}
