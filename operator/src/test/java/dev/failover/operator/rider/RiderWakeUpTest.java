package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class RiderWakeUpTest {
  private static FailoverPolicy policy(long generation, String active, FailoverPhase phase) {
    FailoverPolicy policy = new FailoverPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName("a").withGeneration(generation).build());
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setActiveDataCenter(active);
    status.setPhase(phase);
    policy.setStatus(status);
    return policy;
  }

  @Test
  void aPolicyThatMovesToAnotherDataCenterWakesItsRider() {
    assertThat(
            RiderReconciler.wakesRider(
                policy(1, "chicago", FailoverPhase.Active),
                policy(1, "toronto", FailoverPhase.FailingOver)))
        .isTrue();
    assertThat(
            RiderReconciler.wakesRider(
                policy(1, "toronto", FailoverPhase.Active), policy(1, null, FailoverPhase.Pending)))
        .isTrue();
  }

  @Test
  void aChangedSpecWakesItsRider() {
    assertThat(
            RiderReconciler.wakesRider(
                policy(2, "toronto", FailoverPhase.Active),
                policy(1, "toronto", FailoverPhase.Active)))
        .isTrue();
  }

  @Test
  void anyOtherStatusPatchLetsItsRiderSleep() {
    assertThat(
            RiderReconciler.wakesRider(
                policy(1, "toronto", FailoverPhase.FailingOver),
                policy(1, "toronto", FailoverPhase.Active)))
        .isFalse();
  }
}
