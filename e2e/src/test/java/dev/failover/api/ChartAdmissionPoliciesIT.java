package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the invalid corpus cannot show about the chart's admission policies: the platform team's
 * allow-list lets a cluster-scoped kind through, and a policy stored before the admission policies
 * existed can still be updated outside its spec (labels, finalizers, status) and deleted.
 */
@ExtendWith(SharedTestbedExtension.class)
class ChartAdmissionPoliciesIT {
  private static final String NAMESPACE_MANIFEST =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata: {name: %s, namespace: shop}
      spec:
        riderRef: {kind: SaasRider, name: crm}
        workload:
          manifests:
            - {apiVersion: %s, kind: %s, metadata: {name: %s}}
        placement: {primary: toronto, secondaries: [chicago]}
      """;

  /** HubApi.installed makes the examples' namespace; it goes with the class. */
  @AfterAll
  static void removeTheExamples(Testbed testbed) {
    HubApi.removeExamples(testbed);
  }

  @Test
  void aClusterScopedKindPassesOnlyWhenTheAllowListNamesIt(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    GenericKubernetesResource namespace =
        policy("declares-namespace", "v1", "Namespace", "shop-extra");
    GenericKubernetesResource clusterRole =
        policy("declares-cluster-role", "rbac.authorization.k8s.io/v1", "ClusterRole", "reader");

    try (ChartAdmissionPolicies policies =
        ChartAdmissionPolicies.installIn(
            testbed, hub, "admission.allowedClusterScopedKinds={Namespace}")) {
      assertThat(hub.resource(namespace).dryRun().create().getMetadata().getName())
          .isEqualTo("declares-namespace");
      assertThat(refusal(hub, clusterRole))
          .contains("is of the cluster-scoped kind rbac.authorization.k8s.io/ClusterRole");
    }
    try (ChartAdmissionPolicies policies = ChartAdmissionPolicies.installIn(testbed, hub)) {
      assertThat(refusal(hub, namespace)).contains("is of the cluster-scoped kind Namespace");
    }
  }

  @Test
  void aPolicyStoredBeforeThePoliciesKeepsItsLifecycleButNotASpecChange(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    GenericKubernetesResource stored =
        hub.resource(policy("stored-before", "v1", "Namespace", "shop-extra")).create();
    try (ChartAdmissionPolicies policies = ChartAdmissionPolicies.installIn(testbed, hub)) {
      GenericKubernetesResource labelled =
          hub.resource(stored).edit(p -> withLabel(p, "team", "storefront"));
      assertThat(labelled.getMetadata().getLabels()).containsEntry("team", "storefront");

      KubernetesClientException specChange =
          catchThrowableOfType(
              KubernetesClientException.class,
              () ->
                  hub.resource(labelled)
                      .edit(
                          p -> {
                            spec(p).put("standby", "Warm");
                            return p;
                          }));
      assertThat(specChange).isNotNull();
      assertThat(specChange.getMessage()).contains("is of the cluster-scoped kind Namespace");
    } finally {
      hub.resource(stored).delete();
    }
    assertThat(hub.resource(stored).get()).isNull();
  }

  private static GenericKubernetesResource policy(
      String name, String apiVersion, String kind, String objectName) {
    return RepositoryFiles.documents(
            NAMESPACE_MANIFEST.formatted(name, apiVersion, kind, objectName))
        .get(0);
  }

  private static String refusal(KubernetesClient hub, GenericKubernetesResource policy) {
    KubernetesClientException refused =
        catchThrowableOfType(
            KubernetesClientException.class, () -> hub.resource(policy).dryRun().create());
    assertThat(refused).as("%s must be refused", policy.getMetadata().getName()).isNotNull();
    assertThat(refused.getCode()).isEqualTo(422);
    return refused.getMessage();
  }

  private static GenericKubernetesResource withLabel(
      GenericKubernetesResource policy, String key, String value) {
    policy.getMetadata().setLabels(Map.of(key, value));
    return policy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource policy) {
    return (Map<String, Object>) policy.getAdditionalProperties().get("spec");
  }
}
