package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.failover.WorkloadObservation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadReadinessTest {
  private static final Optional<GenericKubernetesResource> MISSING = Optional.empty();

  @Test
  void aWorkloadWithNothingInTheDataCenterIsAbsent() {
    assertThat(WorkloadReadiness.observe(List.of(MISSING, MISSING)))
        .isEqualTo(WorkloadObservation.absent());
  }

  @Test
  void aRolledOutWorkloadIsAppliedAndAvailableWithTheSumOfItsReplicas() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(
                deployment(3, 2, 2, "True", 3),
                statefulSet(2, 1, 1, 2),
                found("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n")));

    assertThat(observation).isEqualTo(WorkloadObservation.running(5, true));
  }

  @Test
  void aMissingObjectMeansNotAppliedAndNotAvailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(List.of(deployment(3, 2, 2, "True", 3), MISSING));

    assertThat(observation.applied()).isFalse();
    assertThat(observation.available()).isFalse();
    assertThat(observation.replicas()).isEqualTo(3);
  }

  @Test
  void anObjectBeingDeletedCountsAsMissing() {
    Optional<GenericKubernetesResource> terminating = deployment(3, 2, 2, "True", 3);
    terminating.get().getMetadata().setDeletionTimestamp("2026-11-23T18:00:00Z");

    assertThat(WorkloadReadiness.observe(List.of(terminating)))
        .isEqualTo(WorkloadObservation.absent());
  }

  @Test
  void aScaledDownWorkloadIsAppliedButNeverAvailable() {
    assertThat(WorkloadReadiness.observe(List.of(deployment(0, 1, 1, "True", 0))))
        .isEqualTo(WorkloadObservation.scaledDown());
  }

  @Test
  void aDeploymentIsNotAvailableWithTooFewAvailableReplicas() {
    assertThat(WorkloadReadiness.observe(List.of(deployment(3, 2, 2, "True", 2))))
        .isEqualTo(WorkloadObservation.running(3, false));
  }

  @Test
  void aDeploymentIsNotAvailableWithoutTheAvailableCondition() {
    assertThat(WorkloadReadiness.observe(List.of(deployment(3, 2, 2, "False", 3))).available())
        .isFalse();
  }

  @Test
  void aDeploymentIsNotAvailableUntilItsControllerHasSeenItsLatestSpec() {
    assertThat(WorkloadReadiness.observe(List.of(deployment(3, 3, 2, "True", 3))).available())
        .isFalse();
  }

  @Test
  void aStatefulSetIsAvailableOnceAllItsReplicasAreReady() {
    assertThat(WorkloadReadiness.observe(List.of(statefulSet(2, 1, 1, 1))).available()).isFalse();
    assertThat(WorkloadReadiness.observe(List.of(statefulSet(2, 1, 1, 2))).available()).isTrue();
    assertThat(WorkloadReadiness.observe(List.of(statefulSet(2, 2, 1, 2))).available()).isFalse();
  }

  @Test
  void aWorkloadWithoutDeploymentsOrStatefulSetsRunsNothingSoIsNeverAvailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(found("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n")));

    assertThat(observation).isEqualTo(WorkloadObservation.scaledDown());
  }

  @Test
  void inDisasterRecoveryModeTheObjectsHeldAtZeroAreNotAskedToBeAvailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(deployment(0, 2, 2, "True", 0), statefulSet(2, 1, 1, 2)), Set.of("web"));
    assertThat(observation).isEqualTo(WorkloadObservation.running(2, true));
  }

  @Test
  void inDisasterRecoveryModeACriticalApplicationStillHasToBeAvailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(deployment(0, 2, 2, "True", 0), statefulSet(2, 1, 1, 1)), Set.of("web"));
    assertThat(observation.available()).isFalse();
  }

  @Test
  void withEveryObjectHeldTheAppliedWorkloadCountsAsAvailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(deployment(0, 2, 2, "True", 0), statefulSet(0, 1, 1, 0)), Set.of("web", "db"));
    assertThat(observation).isEqualTo(WorkloadObservation.running(0, true));
  }

  @Test
  void withoutDisasterRecoveryAScaledToZeroObjectMakesTheWorkloadUnavailable() {
    WorkloadObservation observation =
        WorkloadReadiness.observe(
            List.of(deployment(0, 2, 2, "True", 0), statefulSet(2, 1, 1, 2)), Set.of());
    assertThat(observation.available()).isFalse();
  }

  private static Optional<GenericKubernetesResource> deployment(
      int replicas, long generation, long observedGeneration, String available, int availableNow) {
    return found(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, generation: %d}
        spec: {replicas: %d}
        status:
          observedGeneration: %d
          availableReplicas: %d
          conditions: [{type: Available, status: "%s"}, {type: Progressing, status: "True"}]
        """
            .formatted(generation, replicas, observedGeneration, availableNow, available));
  }

  private static Optional<GenericKubernetesResource> statefulSet(
      int replicas, long generation, long observedGeneration, int ready) {
    return found(
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, generation: %d}
        spec: {replicas: %d}
        status: {observedGeneration: %d, readyReplicas: %d, replicas: %d}
        """
            .formatted(generation, replicas, observedGeneration, ready, replicas));
  }

  private static Optional<GenericKubernetesResource> found(String yaml) {
    return Optional.of(Policies.SERIALIZATION.unmarshal(yaml, GenericKubernetesResource.class));
  }
}
