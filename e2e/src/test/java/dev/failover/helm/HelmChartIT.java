package dev.failover.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.e2e.AccessReviews;
import dev.failover.e2e.Helm;
import dev.failover.e2e.HubIdentity;
import dev.failover.e2e.OperatorLaunch;
import dev.failover.e2e.ServerSideApply;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Helm charts lint and render, every object they render is accepted by a real API server, and
 * the operator's hub RBAC grants what its code calls and nothing more (SubjectAccessReviews against
 * the real authorizer).
 */
@ExtendWith(SharedTestbedExtension.class)
class HelmChartIT {
  private static final String NAMESPACE = "failover-system";

  @Test
  void chartsLintCleanly(Testbed testbed) {
    for (var chart : List.of(Helm.OPERATOR_CHART, Helm.MEMBER_RBAC_CHART)) {
      Helm.Result lint = new Helm(testbed).run("lint", "--strict", chart.toString());
      assertThat(lint.exitCode()).as(lint.output()).isZero();
      assertThat(lint.output()).contains("0 chart(s) failed");
    }
  }

  @Test
  void renderedChartIsAcceptedByTheApiServer(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    ServerSideApply.namespace(hub, NAMESPACE);
    String rendered =
        new Helm(testbed)
            .template(Helm.OPERATOR_CHART, "failover-operator", NAMESPACE, "--include-crds");
    List<HasMetadata> objects = load(hub, rendered);
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains(
            "CustomResourceDefinition",
            "ServiceAccount",
            "ClusterRole",
            "Role",
            "Deployment",
            "Service");
    // A dry run creates no namespace, and the chart puts a Role in the backup namespace: make it
    // as every operator world does (it is the hub's one backup store, shared, and stays).
    ServerSideApply.namespace(hub, OperatorLaunch.BACKUP_NAMESPACE);
    for (HasMetadata object : objects) {
      // Server-side apply works whether or not another test already installed the CRDs.
      HasMetadata accepted =
          hub.resource(object)
              .dryRun()
              .fieldManager("failover-e2e")
              .forceConflicts()
              .serverSideApply();
      assertThat(accepted.getKind()).isEqualTo(object.getKind());
    }
  }

  @Test
  void theDeploymentPassesReplicasLeaderIdentityLogFormatAndFailbackLimitToTheOperator(
      Testbed testbed) {
    String deployment =
        new Helm(testbed)
            .template(
                Helm.OPERATOR_CHART,
                "failover-operator",
                NAMESPACE,
                "--show-only",
                "templates/deployment.yaml",
                "--set",
                "replicaCount=3",
                "--set",
                "logFormat=json",
                "--set",
                "failback.maxConcurrentPerDataCenter=4");
    assertThat(deployment)
        .contains("- name: FAILOVER_REPLICAS\n              value: \"3\"")
        .contains("- name: FAILOVER_LOG_FORMAT\n              value: \"json\"")
        .contains("- name: FAILOVER_MAX_CONCURRENT_FAILBACKS\n              value: \"4\"")
        .contains(
            "- name: FAILOVER_LEADER_IDENTITY\n"
                + "              valueFrom:\n"
                + "                fieldRef:\n"
                + "                  fieldPath: metadata.name");
  }

  @Test
  void valuesSchemaRejectsAnInvalidValue(Testbed testbed) {
    Helm.Result result =
        new Helm(testbed)
            .run("template", "x", Helm.OPERATOR_CHART.toString(), "--set", "replicaCount=0");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("replicaCount");

    Helm.Result format =
        new Helm(testbed)
            .run("template", "x", Helm.OPERATOR_CHART.toString(), "--set", "logFormat=xml");
    assertThat(format.exitCode()).isNotZero();
    assertThat(format.output()).contains("logFormat");

    Helm.Result failbacks =
        new Helm(testbed)
            .run(
                "template",
                "x",
                Helm.OPERATOR_CHART.toString(),
                "--set",
                "failback.maxConcurrentPerDataCenter=0");
    assertThat(failbacks.exitCode()).isNotZero();
    assertThat(failbacks.output()).contains("maxConcurrentPerDataCenter");
  }

  @Test
  void valuesSchemaRefusesSeveralReplicasWithoutLeaderElection(Testbed testbed) {
    Helm helm = new Helm(testbed);
    String chart = Helm.OPERATOR_CHART.toString();
    Helm.Result two =
        helm.run(
            "template",
            "x",
            chart,
            "--set",
            "replicaCount=2",
            "--set",
            "leaderElection.enabled=false");
    assertThat(two.exitCode()).as(two.output()).isNotZero();
    assertThat(two.output()).contains("leaderElection/enabled");

    Helm.Result one =
        helm.run(
            "template",
            "x",
            chart,
            "--set",
            "replicaCount=1",
            "--set",
            "leaderElection.enabled=false");
    assertThat(one.exitCode()).as(one.output()).isZero();
  }

  @Test
  void memberRbacSchemaRefusesSystemNamespacesAndSecrets(Testbed testbed) {
    Helm helm = new Helm(testbed);
    String chart = Helm.MEMBER_RBAC_CHART.toString();
    Helm.Result kubeSystem =
        helm.run("template", "x", chart, "--set-json", "namespaces=[\"kube-system\"]");
    assertThat(kubeSystem.exitCode()).as(kubeSystem.output()).isNotZero();
    assertThat(kubeSystem.output()).contains("/namespaces/0");

    Helm.Result secrets =
        helm.run(
            "template",
            "x",
            chart,
            "--set-json",
            "workloadResources=[{\"apiGroups\":[\"\"],\"resources\":[\"secrets\"]}]");
    assertThat(secrets.exitCode()).as(secrets.output()).isNotZero();
    assertThat(secrets.output()).contains("/workloadResources/0/resources/0");
  }

  /**
   * The chart's RBAC, applied for real under its own release name, lets the operator's
   * ServiceAccount do exactly what the code calls in the hub. Removed again afterwards.
   */
  @Test
  void hubRbacGrantsWhatTheOperatorCallsAndNothingMore(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    ServerSideApply.namespace(hub, NAMESPACE);
    ServerSideApply.namespace(hub, OperatorLaunch.BACKUP_NAMESPACE);
    String release = "helm-chart-it";
    List<GenericKubernetesResource> rbac = HubIdentity.rbac(testbed, release);
    try {
      rbac.forEach(object -> ServerSideApply.apply(hub, object));
      AccessReviews operator = AccessReviews.ofServiceAccount(hub, NAMESPACE, release);
      String policies = "shop";

      // The reconcilers' informers, status patches and JOSDK's finalizers.
      for (String kind :
          List.of(
              "datacenters.failover.dev",
              "failoverpolicies.failover.dev",
              "saasriders.failover.dev",
              "paasriders.failover.dev",
              "iaasriders.failover.dev")) {
        for (String verb : List.of("get", "list", "watch", "patch")) {
          assertThat(operator.allows(verb, kind)).as("%s %s", verb, kind).isTrue();
        }
        assertThat(operator.allows("patch", kind + "/status")).as("patch %s/status", kind).isTrue();
        assertThat(operator.allows("create", kind)).as("create %s", kind).isFalse();
        assertThat(operator.allows("delete", kind)).as("delete %s", kind).isFalse();
      }
      assertThat(operator.allows("update", "datacenters.failover.dev"))
          .as("no spec writes on DataCenters")
          .isFalse();
      assertThat(operator.allows("update", "datacenters.failover.dev/status")).isFalse();
      assertThat(operator.allows("update", "failoverpolicies.failover.dev"))
          .as("the FailoverPolicy finalizer")
          .isTrue();
      // Restore tests: the gate watches them, server-side applies a Restoration test and deletes a
      // moot one; the runner adds its finalizer with patches and patches their status.
      for (String verb : List.of("get", "list", "watch", "create", "patch", "delete")) {
        assertThat(operator.allows(verb, "chaosrestoretests.failover.dev", policies))
            .as("%s chaosrestoretests", verb)
            .isTrue();
      }
      assertThat(operator.allows("update", "chaosrestoretests.failover.dev", policies))
          .as("update chaosrestoretests")
          .isFalse();
      assertThat(operator.allows("patch", "chaosrestoretests.failover.dev/status")).isTrue();
      // A restore test's backup goes to the backup store, never to a tenant's namespace.
      for (String verb : List.of("create", "patch", "update", "delete")) {
        assertThat(operator.allows(verb, "secrets", policies)).as("%s secrets", verb).isFalse();
      }

      // The outbox: channels are read, Notifications created, watched and deleted after the
      // retention; both have their status patched; neither spec is ever written.
      for (String verb : List.of("get", "list", "watch")) {
        assertThat(operator.allows(verb, "notificationchannels.failover.dev")).isTrue();
        assertThat(operator.allows(verb, "notifications.failover.dev")).isTrue();
      }
      assertThat(operator.allows("create", "notifications.failover.dev", policies)).isTrue();
      assertThat(operator.allows("delete", "notifications.failover.dev", policies)).isTrue();
      assertThat(operator.allows("patch", "notifications.failover.dev/status")).isTrue();
      assertThat(operator.allows("patch", "notificationchannels.failover.dev/status")).isTrue();
      for (String verb : List.of("update", "patch")) {
        assertThat(operator.allows(verb, "notifications.failover.dev", policies))
            .as("%s notifications", verb)
            .isFalse();
      }
      for (String verb : List.of("create", "update", "patch", "delete")) {
        assertThat(operator.allows(verb, "notificationchannels.failover.dev", policies))
            .as("%s notificationchannels", verb)
            .isFalse();
      }

      // Traffic: the DNSEndpoints are watched and server-side applied; the GC deletes them.
      for (String verb : List.of("get", "list", "watch", "create", "patch")) {
        assertThat(operator.allows(verb, "dnsendpoints.externaldns.k8s.io", policies))
            .as("%s dnsendpoints", verb)
            .isTrue();
      }
      for (String verb : List.of("update", "delete")) {
        assertThat(operator.allows(verb, "dnsendpoints.externaldns.k8s.io", policies))
            .as("%s dnsendpoints", verb)
            .isFalse();
      }

      // SLA reports: ConfigMaps server-side applied, never read, listed or deleted.
      for (String verb : List.of("create", "patch")) {
        assertThat(operator.allows(verb, "configmaps", policies))
            .as("%s configmaps", verb)
            .isTrue();
      }
      for (String verb : List.of("get", "list", "watch", "update", "delete")) {
        assertThat(operator.allows(verb, "configmaps", policies))
            .as("%s configmaps", verb)
            .isFalse();
      }

      // The rider reconcilers read a namespace's annotation; nothing else about namespaces.
      assertThat(operator.allows("get", "namespaces", null, policies)).isTrue();
      for (String verb : List.of("list", "watch", "create", "patch", "update", "delete")) {
        assertThat(operator.allows(verb, "namespaces", null, policies))
            .as("%s namespaces", verb)
            .isFalse();
      }
      for (String rider : List.of("saasriders", "paasriders", "iaasriders")) {
        assertThat(operator.allows("update", rider + ".failover.dev", policies))
            .as("no spec writes on %s", rider)
            .isFalse();
      }

      // Events: created through core/v1 only.
      assertThat(operator.allows("create", "events", policies)).isTrue();
      assertThat(operator.allows("create", "events.events.k8s.io", policies)).isFalse();
      assertThat(operator.allows("delete", "events", policies)).isFalse();

      // Kubeconfig Secrets: get by name, in the configured namespace only.
      assertThat(operator.allows("get", "secrets", NAMESPACE, "dc-toronto")).isTrue();
      assertThat(operator.allows("list", "secrets", NAMESPACE)).isFalse();
      assertThat(operator.allows("watch", "secrets", NAMESPACE)).isFalse();
      assertThat(operator.allows("get", "secrets", policies, "dc-toronto")).isFalse();
      assertThat(operator.allows("get", "secrets", "kube-system", "any")).isFalse();

      // The backup store: listed to measure it, written, read and pruned; never changed.
      String store = OperatorLaunch.BACKUP_NAMESPACE;
      for (String verb : List.of("get", "list", "create", "delete")) {
        assertThat(operator.allows(verb, "secrets", store)).as("%s backups", verb).isTrue();
      }
      for (String verb : List.of("update", "patch", "watch")) {
        assertThat(operator.allows(verb, "secrets", store)).as("%s backups", verb).isFalse();
      }
      assertThat(operator.allows("list", "secrets", policies)).isFalse();

      // Leader election: its own Lease only.
      String lease = "failover-operator-leader";
      String leases = "leases.coordination.k8s.io";
      assertThat(operator.allows("create", leases, NAMESPACE)).isTrue();
      for (String verb : List.of("get", "update", "patch")) {
        assertThat(operator.allows(verb, leases, NAMESPACE, lease))
            .as("%s the Lease", verb)
            .isTrue();
        assertThat(operator.allows(verb, leases, NAMESPACE, "other"))
            .as("%s another", verb)
            .isFalse();
        assertThat(operator.allows(verb, leases, "kube-system", lease)).isFalse();
      }
      assertThat(operator.allows("delete", leases, NAMESPACE, lease)).isFalse();
    } finally {
      rbac.forEach(object -> hub.resource(object).delete());
    }
  }

  private static List<HasMetadata> load(KubernetesClient hub, String yaml) {
    return hub.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
  }
}
