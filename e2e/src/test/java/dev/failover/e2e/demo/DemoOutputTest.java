package dev.failover.e2e.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRunStep;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's timeline reads as a story: no "null", no "[]". */
class DemoOutputTest {

  @Test
  void aPolicyNotPlacedYetIsPendingNotPendingInNull() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    assertThat(WorldWatcher.describe(status)).isEqualTo("Pending");
    status.setPhase(FailoverPhase.Pending);
    assertThat(WorldWatcher.describe(status)).isEqualTo("Pending");
  }

  @Test
  void aMovingPolicyNamesWhereItIsTheStepAndTheFence() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setPhase(FailoverPhase.FailingOver);
    status.setActiveDataCenter("toronto");
    status.setCurrentStep(FailoverStep.PromoteTarget);
    status.setAwaitingFence(List.of("toronto"));

    assertThat(WorldWatcher.describe(status))
        .isEqualTo("FailingOver in toronto, step PromoteTarget, awaiting fence of toronto");
  }

  @Test
  void anUnpublishedDnsRecordIsSaidSoNotPrintedAsEmptyBrackets() {
    assertThat(WorldWatcher.dnsLine(List.of()))
        .isEqualTo("DNS record crm.shop.example not published yet");
    assertThat(WorldWatcher.dnsLine(List.of("10.0.0.2")))
        .isEqualTo("DNS record crm.shop.example now points at 10.0.0.2");
  }

  @Test
  void theSilencedWarningsAreFabric8sVersionWarnings() throws Exception {
    String logger = DemoMain.VERSION_WARNINGS.substring("org.slf4j.simpleLogger.log.".length());

    assertThat(Class.forName(logger).getSimpleName()).isEqualTo("VersionUsageUtils");
  }

  @Test
  void aRestoreTestSaysItsPhaseStepAndPromotion() {
    assertThat(WorldWatcher.restoreTest(null)).isEqualTo("not started");
    ChaosRestoreTestStatus running = new ChaosRestoreTestStatus();
    running.setPhase(ChaosTestPhase.Running);
    running.setStep(ChaosRunStep.Faults);
    running.getFaults().add(new FaultRecord());
    assertThat(WorldWatcher.restoreTest(running))
        .isEqualTo("Running, step Faults (1 fault(s) so far)");
    ChaosRestoreTestStatus passed = new ChaosRestoreTestStatus();
    passed.setPhase(ChaosTestPhase.Passed);
    passed.setPromoted(true);
    assertThat(WorldWatcher.restoreTest(passed)).isEqualTo("Passed, promoted");
  }
}
