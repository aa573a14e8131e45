package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's identity in a member data center, as the harness sets it up from the member-rbac
 * chart: the DataCenter Secrets carry a ServiceAccount token, not admin credentials, and that
 * identity can do what the operator calls there and nothing more. Checked against a real API
 * server, by SubjectAccessReview and by calls with the Secret's own kubeconfig.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberRbacIT {
  private static final String TENANT = "member-rbac-it";
  private static final String OTHER = "member-rbac-it-other";
  private static final String DATA_CENTER = "toronto";

  private FailoverWorld world;
  private DataCenterCluster toronto;
  private AccessReviews operator;

  @BeforeAll
  void startTheWorld(Testbed testbed) {
    world = FailoverWorld.start(testbed);
    world.admitWorkloadNamespace(TENANT);
    toronto = world.dataCenter(DATA_CENTER);
    // A namespace no policy lives in: the operator has no business there.
    ServerSideApply.namespace(toronto.client(), OTHER);
    operator =
        AccessReviews.ofServiceAccount(
            toronto.client(), MemberIdentity.NAMESPACE, MemberIdentity.SERVICE_ACCOUNT);
  }

  @AfterAll
  void closeTheWorld() {
    if (toronto != null) {
      toronto.client().namespaces().withName(OTHER).delete();
      assertThat(world.removeWorkloadNamespace(TENANT)).as("clean-up").isEmpty();
    }
    if (world != null) {
      world.close();
    }
  }

  @Test
  void theSecretsCarryTheOperatorsTokenAndNoAdminCertificate() {
    for (DataCenterPlan plan : world.plans()) {
      String kubeconfig = world.operatorKubeconfig(plan.name());
      Config config = Config.fromKubeconfig(kubeconfig);

      assertThat(config.getAutoOAuthToken()).as("%s's token", plan.name()).isNotBlank();
      assertThat(config.getClientCertData()).as("%s's client certificate", plan.name()).isNull();
      assertThat(config.getClientKeyData()).isNull();
      try (KubernetesClient client = world.operatorClient(plan.name())) {
        // The API server names who was refused: the operator's ServiceAccount.
        assertThatThrownBy(() -> client.secrets().inNamespace(TENANT).list())
            .isInstanceOf(KubernetesClientException.class)
            .hasMessageContaining("User \"" + MemberIdentity.USER + "\"");
      }
    }
  }

  @Test
  void theOperatorMayProbeMeasureAndManageWorkloadsInItsNamespaces() {
    assertThat(operator.allowsPath("get", "/readyz")).as("probe").isTrue();
    assertThat(operator.allows("list", "nodes")).as("capacity: nodes").isTrue();
    assertThat(operator.allows("list", "pods")).as("capacity: pods everywhere").isTrue();
    assertThat(operator.allows("list", "nodes.metrics.k8s.io")).as("usage: node metrics").isTrue();
    assertThat(operator.allows("list", "pods.metrics.k8s.io"))
        .as("usage: no per-pod metrics")
        .isFalse();
    assertThat(operator.allows("get", "namespaces", null, TENANT)).as("namespace").isTrue();
    for (String resource :
        new String[] {"deployments.apps", "statefulsets.apps", "services", "configmaps"}) {
      // list and watch: the operator watches its own objects instead of reading each one.
      for (String verb : new String[] {"get", "list", "watch", "create", "patch", "delete"}) {
        assertThat(operator.allows(verb, resource, TENANT))
            .as("%s %s in %s", verb, resource, TENANT)
            .isTrue();
        assertThat(operator.allows(verb, resource, OTHER))
            .as("%s %s in %s", verb, resource, OTHER)
            .isFalse();
      }
      assertThat(operator.allows("list", resource)).as("list %s cluster-wide", resource).isFalse();
    }
  }

  @Test
  void theOperatorMayManageVirtualMachinesInItsNamespacesOnly() {
    String vms = "virtualmachines.kubevirt.io";
    for (String verb : new String[] {"get", "list", "create", "patch", "delete"}) {
      assertThat(operator.allows(verb, vms, TENANT)).as("%s %s in %s", verb, vms, TENANT).isTrue();
      for (String namespace : new String[] {OTHER, "kube-system", "default"}) {
        assertThat(operator.allows(verb, vms, namespace))
            .as("%s %s in %s", verb, vms, namespace)
            .isFalse();
      }
    }
    // Apply, list and delete are all it does: no update, watch or deletecollection, no
    // instances, and no start/stop subresources (the run strategy starts and stops them).
    for (String verb : new String[] {"update", "watch", "deletecollection"}) {
      assertThat(operator.allows(verb, vms, TENANT)).as("%s %s", verb, vms).isFalse();
    }
    assertThat(operator.allows("list", vms)).as("list %s cluster-wide", vms).isFalse();
    assertThat(operator.allows("get", "virtualmachineinstances.kubevirt.io", TENANT)).isFalse();
    assertThat(operator.allows("update", "virtualmachines.subresources.kubevirt.io/start", TENANT))
        .isFalse();
  }

  @Test
  void theOperatorMayManageEgressPosturesInItsNamespacesOnly() {
    for (String resource :
        new String[] {"networkpolicies.networking.k8s.io", "ciliumnetworkpolicies.cilium.io"}) {
      for (String verb : new String[] {"get", "list", "create", "patch", "delete"}) {
        assertThat(operator.allows(verb, resource, TENANT))
            .as("%s %s in %s", verb, resource, TENANT)
            .isTrue();
        for (String namespace : new String[] {OTHER, "kube-system", "default"}) {
          assertThat(operator.allows(verb, resource, namespace))
              .as("%s %s in %s", verb, resource, namespace)
              .isFalse();
        }
      }
      for (String verb : new String[] {"update", "watch", "deletecollection"}) {
        assertThat(operator.allows(verb, resource, TENANT)).as("%s %s", verb, resource).isFalse();
      }
    }
    // The API server's addresses: one EndpointSlice, by name, and nothing else there.
    String slices = "endpointslices.discovery.k8s.io";
    assertThat(operator.allows("get", slices, "default", "kubernetes")).isTrue();
    assertThat(operator.allows("get", slices, "default", "other")).isFalse();
    assertThat(operator.allows("list", slices, "default")).isFalse();
    assertThat(operator.allows("get", slices, TENANT, "kubernetes")).isFalse();
  }

  @Test
  void theOperatorCannotReadSecretsTouchOtherNamespacesOrWriteNodes() {
    for (String namespace : new String[] {TENANT, "kube-system", OTHER}) {
      for (String verb : new String[] {"get", "list", "watch", "create"}) {
        assertThat(operator.allows(verb, "secrets", namespace))
            .as("%s secrets in %s", verb, namespace)
            .isFalse();
      }
    }
    for (String namespace : new String[] {"kube-system", OTHER, "default"}) {
      for (String verb : new String[] {"create", "patch", "update", "delete"}) {
        assertThat(operator.allows(verb, "deployments.apps", namespace))
            .as("%s deployments in %s", verb, namespace)
            .isFalse();
        assertThat(operator.allows(verb, "configmaps", namespace))
            .as("%s configmaps in %s", verb, namespace)
            .isFalse();
      }
    }
    for (String verb : new String[] {"create", "patch", "update", "delete"}) {
      assertThat(operator.allows(verb, "nodes")).as("%s nodes", verb).isFalse();
      assertThat(operator.allows(verb, "namespaces")).as("%s namespaces", verb).isFalse();
    }
    assertThat(operator.allows("get", "namespaces", null, "kube-system")).isFalse();
    // It binds the riders' task roles, and no other role: no way to grant itself more.
    String rbac = "rbac.authorization.k8s.io";
    assertThat(operator.allows("create", "rolebindings." + rbac, TENANT)).isTrue();
    assertThat(operator.allows("create", "rolebindings." + rbac, OTHER)).isFalse();
    for (String role : new String[] {"admin", "edit", "cluster-admin", "view"}) {
      assertThat(operator.allows("bind", "clusterroles." + rbac, TENANT, role))
          .as("bind %s", role)
          .isFalse();
    }
    assertThat(
            operator.allows(
                "bind", "clusterroles." + rbac, TENANT, "failover-rider-paas-run-backups"))
        .isTrue();
    for (String verb : new String[] {"create", "patch", "update", "escalate"}) {
      assertThat(operator.allows(verb, "roles." + rbac, TENANT)).as("%s roles", verb).isFalse();
      assertThat(operator.allows(verb, "clusterroles." + rbac))
          .as("%s clusterroles", verb)
          .isFalse();
    }
    assertThat(operator.allows("create", "clusterrolebindings." + rbac)).isFalse();
    assertThat(operator.allows("create", "pods", TENANT))
        .as("pods only through workloads")
        .isFalse();
  }

  @Test
  void withTheSecretsKubeconfigTheOperatorsCallsSucceedAndOthersAreForbidden() {
    try (KubernetesClient client = world.operatorClient(DATA_CENTER)) {
      assertThat(client.nodes().list().getItems()).hasSize(Testbed.FAKE_NODES);
      assertThat(client.pods().inAnyNamespace().list().getItems()).isNotNull();
      assertThat(client.namespaces().withName(TENANT).get()).isNotNull();

      Deployment applied =
          client
              .resource(deployment())
              .fieldManager("failover-operator")
              .forceConflicts()
              .serverSideApply();
      assertThat(applied.getMetadata().getUid()).isNotBlank();
      Deployment fenced =
          client
              .resource(deployment())
              .patch(
                  new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build(),
                  "{\"spec\":{\"replicas\":0}}");
      assertThat(fenced.getSpec().getReplicas()).isZero();
      assertThat(client.resource(deployment()).delete()).isNotEmpty();

      assertForbidden(() -> client.secrets().inNamespace(TENANT).list());
      assertForbidden(() -> client.secrets().inNamespace("kube-system").withName("x").get());
      assertForbidden(
          () ->
              client
                  .resource(
                      new ConfigMapBuilder()
                          .withNewMetadata()
                          .withName("planted")
                          .withNamespace("kube-system")
                          .endMetadata()
                          .withData(Map.of("k", "v"))
                          .build())
                  .create());
      assertForbidden(
          () ->
              client
                  .nodes()
                  .withName(client.nodes().list().getItems().get(0).getMetadata().getName())
                  .edit(
                      node -> {
                        node.getMetadata().getLabels().put("failover.dev/touched", "true");
                        return node;
                      }));
    }
  }

  private static void assertForbidden(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("rbac-probe")
        .withNamespace(TENANT)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", "rbac-probe")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "rbac-probe")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("example.invalid/app:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
