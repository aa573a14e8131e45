package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.capacity.Resources;
import dev.failover.core.capacity.WorkloadDemand;
import org.junit.jupiter.api.Test;

class WorkloadDemandsTest {
  private static final long MI = 1L << 20;

  /** A Deployment of {@code replicas}, each pod asking for 500m and 256Mi, plus a ConfigMap. */
  static FailoverPolicy shop(String replicas, String cpu) {
    return Policies.policy(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: shop, namespace: shop}
        spec:
          riderRef: {kind: SaasRider, name: shop}
          placement: {primary: toronto, secondaries: [chicago, washington]}
          workload:
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  %s
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: registry.example/web:1.0
                          resources: {requests: {cpu: "%s", memory: 256Mi}}
              - apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                        - name: db
                          image: registry.example/db:1.0
                          resources: {limits: {cpu: "2", memory: 1Gi}}
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {mode: fast}
        """
            .formatted(replicas, cpu));
  }

  @Test
  void addsUpTheDeploymentsAndStatefulSetsAtTheReplicasTheyAreAppliedWith() {
    assertThat(WorkloadDemands.of(shop("replicas: 3", "500m")))
        .hasValue(new WorkloadDemand(new Resources(3 * 500 + 2000, 3 * 256 * MI + 1024 * MI), 4));
  }

  @Test
  void aDeploymentWithoutReplicasRunsKubernetesDefaultOfOne() {
    assertThat(WorkloadDemands.of(shop("", "500m")))
        .hasValue(new WorkloadDemand(new Resources(2500, 1280 * MI), 2));
  }

  @Test
  void aWorkloadWithoutRequestsAsksForNothing() {
    assertThat(WorkloadDemands.of(Policies.crm()).orElseThrow().atFullSize())
        .isEqualTo(Resources.NONE);
  }

  @Test
  void requestsThatAreNotQuantitiesLeaveTheDemandUnknown() {
    assertThat(WorkloadDemands.of(shop("replicas: 3", "a lot"))).isEmpty();
  }

  @Test
  void replicasThatAreNotANumberLeaveTheDemandUnknown() {
    assertThat(WorkloadDemands.of(shop("replicas: many", "500m"))).isEmpty();
  }
}
