package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.SampleWindow;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a DataCenter's status says about its credentials, from the Secret to the server. */
class DataCenterCredentialsStatusTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final HealthState HEALTHY =
      new HealthState(
          DataCenterPhase.Healthy, NOW, 0, 5, SampleWindow.empty(), null, "probe succeeded");

  private static DataCenter toronto() {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName("toronto").withGeneration(3L).build());
    dataCenter.setSpec(new DataCenterSpec());
    return dataCenter;
  }

  @Test
  void aDataCenterWithoutAUsableKubeconfigIsPendingWithTheReasonInBothConditions() {
    KubeconfigProblem garbage =
        new KubeconfigProblem("KubeconfigInvalid", "it cannot be parsed as a kubeconfig");

    DataCenterStatus status = DataCenterStatusMapper.unconfigured(toronto(), garbage, NOW);

    assertThat(status.getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(status.getMessage()).isEqualTo("it cannot be parsed as a kubeconfig");
    assertThat(condition(status, ConditionTypes.READY).getReason()).isEqualTo("KubeconfigInvalid");
    assertThat(condition(status, ConditionTypes.CREDENTIALS_VALID))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "KubeconfigInvalid");
  }

  @Test
  void aFailedRotationKeepsTheHealthPhaseAndSaysTheOldKubeconfigIsStillUsed() {
    KubeconfigProblem noContext =
        new KubeconfigProblem("KubeconfigNoUsableContext", "it sets no current-context");

    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(), HEALTHY, Optional.empty(), Optional.of(noContext), NOW);

    assertThat(status.getPhase()).isEqualTo(DataCenterPhase.Healthy);
    assertThat(condition(status, ConditionTypes.READY).getStatus()).isEqualTo("True");
    assertThat(condition(status, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .isEqualTo("it sets no current-context; still using the kubeconfig read before");
  }

  @Test
  void rejectedCredentialsKeepThePhaseButAreNotReady() {
    HealthState rejected =
        new HealthState(
            DataCenterPhase.Healthy,
            NOW,
            0,
            5,
            SampleWindow.empty(),
            null,
            "probe succeeded",
            "401 Unauthorized: the credentials were rejected");

    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(), rejected, Optional.empty(), Optional.empty(), NOW);

    assertThat(status.getPhase()).isEqualTo(DataCenterPhase.Healthy);
    assertThat(condition(status, ConditionTypes.READY))
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("False", "CredentialsRejected");
    assertThat(condition(status, ConditionTypes.CREDENTIALS_VALID))
        .extracting(Condition::getStatus, Condition::getMessage)
        .containsExactly("False", "401 Unauthorized: the credentials were rejected");
  }

  @Test
  void usableCredentialsAreValid() {
    DataCenterStatus status =
        DataCenterStatusMapper.toStatus(
            toronto(), HEALTHY, Optional.empty(), Optional.empty(), NOW);

    assertThat(condition(status, ConditionTypes.CREDENTIALS_VALID).getStatus()).isEqualTo("True");
  }

  private static Condition condition(DataCenterStatus status, String type) {
    return status.condition(type).orElseThrow();
  }
}
