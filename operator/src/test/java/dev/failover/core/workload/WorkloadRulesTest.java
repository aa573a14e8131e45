package dev.failover.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadRulesTest {
  private static DeclaredObject deployment(int position, String name, Object replicas) {
    return new DeclaredObject(position, "apps/v1", "Deployment", null, name, replicas, true);
  }

  private static final DeclaredObject WEB = deployment(0, "web", 2);
  private static final DeclaredObject CONFIG =
      new DeclaredObject(1, "v1", "ConfigMap", null, "web-config", null, false);

  @Test
  void aDeploymentWithAConfigMapIsFine() {
    assertThat(WorkloadRules.problem(List.of(WEB, CONFIG), List.of("web"))).isEmpty();
  }

  @Test
  void missingReplicasIsKubernetesDefaultOfOne() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", null)), null)).isEmpty();
  }

  @Test
  void aManifestWithoutMetadataOrNameIsNamed() {
    DeclaredObject nameless = new DeclaredObject(1, "v1", "ConfigMap", null, null, null, false);

    assertThat(WorkloadRules.problem(List.of(WEB, nameless), null))
        .hasValue("spec.workload.manifests[1] (ConfigMap ?) has no metadata.name");
  }

  @Test
  void aManifestWithoutKindOrApiVersionIsNamed() {
    assertThat(
            WorkloadRules.problem(
                List.of(WEB, new DeclaredObject(1, "v1", null, null, "x", null, false)), null))
        .hasValueSatisfying(why -> assertThat(why).contains("manifests[1]").contains("no kind"));
    assertThat(
            WorkloadRules.problem(
                List.of(WEB, new DeclaredObject(1, null, "ConfigMap", null, "x", null, false)),
                null))
        .hasValueSatisfying(why -> assertThat(why).contains("no apiVersion"));
  }

  @Test
  void nonNumericReplicasAreRefusedWithTheValue() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", "three")), null))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("spec.replicas must be a whole number")
                    .contains("'three'"));
  }

  @Test
  void fractionalReplicasAreRefused() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", 2.5)), null)).isPresent();
  }

  @Test
  void replicasBeyondThirtyTwoBitsAreRefusedNotTruncated() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", 4_294_967_298L)), null))
        .hasValueSatisfying(why -> assertThat(why).contains("between 1 and 2147483647"));
    assertThat(
            WorkloadRules.problem(
                List.of(deployment(0, "web", new BigInteger("99999999999999999999"))), null))
        .isPresent();
  }

  @Test
  void zeroReplicasAreRefusedBecauseNothingWouldServe() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", 0)), null))
        .hasValueSatisfying(why -> assertThat(why).contains("nothing to fail over"));
  }

  @Test
  void negativeReplicasAreRefused() {
    assertThat(WorkloadRules.problem(List.of(deployment(0, "web", -1)), null)).isPresent();
  }

  @Test
  void aWorkloadOfOnlyNonScalableKindsIsRefused() {
    assertThat(WorkloadRules.problem(List.of(CONFIG), null))
        .hasValueSatisfying(why -> assertThat(why).contains("no Deployment or StatefulSet"));
  }

  @Test
  void theSameObjectDeclaredTwiceIsRefused() {
    assertThat(WorkloadRules.problem(List.of(WEB, deployment(3, "web", 1)), null))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("manifests[3]")
                    .contains("same object as spec.workload.manifests[0]"));
  }

  @Test
  void aDeploymentAndAServiceMayShareAName() {
    DeclaredObject service = new DeclaredObject(1, "v1", "Service", null, "web", null, false);

    assertThat(WorkloadRules.problem(List.of(WEB, service), null)).isEmpty();
  }

  @Test
  void aDeploymentWithoutSelectorIsRefused() {
    DeclaredObject noSelector =
        new DeclaredObject(0, "apps/v1", "Deployment", null, "web", 1, false);

    assertThat(WorkloadRules.problem(List.of(noSelector), null))
        .hasValueSatisfying(why -> assertThat(why).contains("no spec.selector"));
  }

  @Test
  void aCriticalApplicationNamingNoManifestIsRefused() {
    assertThat(WorkloadRules.problem(List.of(WEB), List.of("payments")))
        .hasValueSatisfying(why -> assertThat(why).contains("'payments'"));
  }
}
