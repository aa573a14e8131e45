package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** A rider's copy of a policy reads the same to a rider, without what only the policy keeps. */
class PoliciesForRidersTest {
  private static final String POLICY =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata:
        name: shop
        namespace: crm
        uid: u-1
        generation: 3
        creationTimestamp: "2026-11-23T10:00:00Z"
        managedFields: [{manager: kubectl, operation: Apply, fieldsType: FieldsV1, fieldsV1: {}}]
      spec:
        riderRef: {kind: PaasRider, name: crm}
        placement: {primary: toronto, secondaries: [chicago, washington]}
        standby: Warm
        objectives: {rto: 30s, slaPercent: 99.9}
        workload:
          applicationType: web
          manifests:
          - {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {replicas: 2}}
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: web}, data: {a: b}}
      status:
        activeDataCenter: chicago
        phase: Active
        managedObjects:
        - {apiVersion: apps/v1, kind: Deployment, name: web}
        history:
        - {from: toronto, to: chicago, reason: Blackout}
      """;

  private static FailoverPolicy policy() {
    return Serialization.unmarshal(POLICY, FailoverPolicy.class);
  }

  @Test
  void aRiderReadsTheSamePolicy() {
    FailoverPolicy whole = policy();
    FailoverPolicy slim = PoliciesForRiders.slim(policy());

    assertThat(slim.getSpec().getRiderRef())
        .usingRecursiveComparison()
        .isEqualTo(whole.getSpec().getRiderRef());
    assertThat(slim.getSpec().getObjectives())
        .usingRecursiveComparison()
        .isEqualTo(whole.getSpec().getObjectives());
    assertThat(PolicySettingsMapper.settings(slim.getSpec()))
        .isEqualTo(PolicySettingsMapper.settings(whole.getSpec()));
    assertThat(RiderPlanReader.policy(slim)).isEqualTo(RiderPlanReader.policy(whole));
    assertThat(RiderLicenseGate.asRiderPolicy(slim))
        .isEqualTo(RiderLicenseGate.asRiderPolicy(whole));
    assertThat(RiderMachines.placement(slim)).isEqualTo(RiderMachines.placement(whole));
    assertThat(RiderReconciler.wakesRider(slim, whole)).isFalse();
    assertThat(slim.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(slim.getMetadata().getGeneration()).isEqualTo(3L);
  }

  @Test
  void keepsNeitherTheManifestsNorTheStatusBeyondTheActiveDataCenter() {
    FailoverPolicy slim = PoliciesForRiders.slim(policy());

    assertThat(slim.getMetadata().getManagedFields()).isNull();
    assertThat(slim.getSpec().getWorkload().getManifests()).isEmpty();
    assertThat(slim.getSpec().getWorkload().getApplicationType()).isEqualTo("web");
    assertThat(slim.getStatus().getActiveDataCenter()).isEqualTo("chicago");
    assertThat(slim.getStatus().getPhase()).isNull();
    assertThat(slim.getStatus().getManagedObjects()).isEmpty();
    assertThat(slim.getStatus().getHistory()).isEmpty();
  }

  @Test
  void aPolicyWithoutStatusOrWorkloadStaysSo() {
    FailoverPolicy bare = new FailoverPolicy();
    bare.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("a").build());

    FailoverPolicy slim = PoliciesForRiders.slim(bare);

    assertThat(slim.getStatus()).isNull();
    assertThat(slim.getSpec()).isNull();
  }
}
