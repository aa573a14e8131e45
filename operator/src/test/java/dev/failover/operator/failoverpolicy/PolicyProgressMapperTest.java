package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.HeldOut;
import dev.failover.core.failover.InFlightFailover;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyProgressMapperTest {
  private static final Instant DETECTED = Instant.parse("2026-11-23T10:00:00.123Z");

  @Test
  void aRecordOfAManualOverrideNamesTheOverrideAndTheTest() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    var overridden =
        new dev.failover.core.failover.FailoverRecord(
            "chicago",
            "toronto",
            FailoverReason.ManualFailback,
            at,
            at.plusSeconds(3),
            "override-1",
            new HeldOut("toronto", true, "shop-toronto-restore-1", "toronto failed"));
    var plain =
        new dev.failover.core.failover.FailoverRecord(
            "chicago", "toronto", FailoverReason.AutomaticFailback, at, at.plusSeconds(3));

    var record = PolicyProgressMapper.record(overridden);

    assertThat(record.getRestoreTestOverride()).isEqualTo("ManualOverrideOfFailedRestoreTest");
    assertThat(record.getOverriddenRestoreTest()).isEqualTo("shop-toronto-restore-1");
    assertThat(record.getActionId()).isEqualTo("override-1");
    assertThat(PolicyProgressMapper.record(plain).getRestoreTestOverride()).isNull();
    assertThat(PolicyProgressMapper.record(plain).getOverriddenRestoreTest()).isNull();
  }

  @Test
  void aPolicyWithoutStatusStartsFromTheInitialProgress() {
    assertThat(PolicyProgressMapper.read(null)).isEqualTo(FailoverProgress.initial());
    assertThat(PolicyProgressMapper.read(new FailoverPolicyStatus()))
        .isEqualTo(FailoverProgress.initial());
  }

  @Test
  void aFailoverInFlightSurvivesTheTripThroughStatusJson() {
    FailoverProgress progress =
        new FailoverProgress(
            FailoverPhase.FailingOver,
            "toronto",
            FailoverReason.InitialPlacement,
            FailoverStep.AwaitTargetAvailable,
            new InFlightFailover(
                "toronto",
                "chicago",
                FailoverReason.Blackout,
                DETECTED,
                DETECTED.plusMillis(40),
                null,
                "action-2"),
            "action-2",
            Set.of("washington"),
            List.of("action-1", "action-0"));
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    PolicyProgressMapper.write(progress, status);

    FailoverPolicyStatus stored =
        Serialization.unmarshal(Serialization.asJson(status), FailoverPolicyStatus.class);

    assertThat(PolicyProgressMapper.read(stored)).isEqualTo(progress);
    assertThat(stored.getInFlight().getActionId()).isEqualTo("action-2");
    assertThat(stored.getEarlierHandledActionIds()).containsExactly("action-1", "action-0");
  }

  @Test
  void settledProgressClearsTheStepAndTheMoveInStatus() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    PolicyProgressMapper.write(
        FailoverProgress.initial().settledIn("chicago", FailoverReason.Blackout), status);

    assertThat(status.getCurrentStep()).isNull();
    assertThat(status.getInFlight()).isNull();
    assertThat(status.getActiveDataCenter()).isEqualTo("chicago");
    assertThat(status.getActiveReason()).isEqualTo("Blackout");
  }
}
