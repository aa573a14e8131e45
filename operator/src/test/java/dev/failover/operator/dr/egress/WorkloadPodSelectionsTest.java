package dev.failover.operator.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadPodSelectionsTest {
  @Test
  void selectsEachPodRunningObjectTheWayItsControllerDoes() {
    List<PodSelection> selections = WorkloadPodSelections.of(EgressPolicies.crm());

    assertThat(selections)
        .containsExactly(
            new PodSelection(
                "Deployment", "crm-web", Map.of("matchLabels", Map.of("app", "crm-web"))),
            new PodSelection(
                "StatefulSet",
                "crm-db",
                Map.of(
                    "matchLabels",
                    Map.of("app", "crm-db"),
                    "matchExpressions",
                    List.of(
                        Map.of("key", "role", "operator", "In", "values", List.of("primary"))))),
            new PodSelection(
                "CronJob", "crm-report", Map.of("matchLabels", Map.of("job", "crm-report"))));
  }

  @Test
  void aJobWithoutASelectorIsSelectedByItsTemplateLabelsAndABarePodByItsLabels() {
    var policy =
        EgressPolicies.SERIALIZATION.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: batch, namespace: shop}
            spec:
              workload:
                manifests:
                  - apiVersion: batch/v1
                    kind: Job
                    metadata: {name: migrate}
                    spec:
                      template:
                        metadata: {labels: {job: migrate}}
                        spec: {restartPolicy: Never, containers: [{name: m, image: m:1}]}
                  - apiVersion: v1
                    kind: Pod
                    metadata: {name: probe, labels: {app: probe}}
                    spec: {containers: [{name: p, image: p:1}]}
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings}
                    data: {a: b}
                  - apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: unlabelled}
                    spec: {template: {spec: {containers: [{name: u, image: u:1}]}}}
            """,
            dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy.class);

    List<PodSelection> selections = WorkloadPodSelections.of(policy);

    assertThat(selections).extracting(PodSelection::name).containsExactly("migrate", "probe");
    assertThat(selections.get(0).selector())
        .isEqualTo(Map.of("matchLabels", Map.of("job", "migrate")));
    // The bare Pod carries the policy's labels too, so only this policy's pod matches them all.
    assertThat(selections.get(1).selector())
        .isEqualTo(
            Map.of(
                "matchLabels",
                Map.of(
                    "app", "probe",
                    "failover.dev/policy-namespace", "shop",
                    "failover.dev/policy-name", "batch",
                    "app.kubernetes.io/managed-by", "failover-operator")));
  }
}
