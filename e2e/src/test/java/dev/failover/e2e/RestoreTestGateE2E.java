package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTrigger;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.RestoreGate;
import dev.failover.api.v1alpha1.failoverpolicy.RestoreGateState;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code failback.requireRestoreTest}: Toronto, where a policy runs, blacks out; the workload moves
 * to Chicago; when Toronto returns the operator creates a Restoration ChaosRestoreTest for it, and
 * automatic failback waits for that test, well past the stabilization window. The test plays the
 * runner and writes the test's status through the status subresource: a failure keeps Toronto out
 * (a restart of the operator too) until a person fails back by hand, which is recorded as an
 * override; a pass and promotion lets the workload fail back by itself.
 *
 * <p>The operator started here runs no ChaosRestoreTests ({@code
 * FAILOVER_RESTORE_TEST_RUNNER=false}, as when another tool runs them), so the test's verdicts are
 * the only ones. {@code ChaosRestoreTestE2E} runs the whole chain with the real runner.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreTestGateE2E {
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final String NAMESPACE = "restore-gate-e2e";
  private static final String WINDOW = "1s";
  private static final String CONDITION = "RestoreTestPassed";

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.plans());
    operator =
        world.operator(
            world.operatorLaunch().withEnvironment("FAILOVER_RESTORE_TEST_RUNNER", "false"));
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  /** Tests that cut a data center reconnect it; this waits until it has recovered. */
  @BeforeEach
  void everyDataCenterIsHealthy() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  @Test
  void aFailedRestoreTestKeepsTorontoOutUntilAManualFailbackOverridesIt() {
    PolicyDraft draft =
        PolicyDraft.of(NAMESPACE, "failed")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback(WINDOW)
            .withRequireRestoreTest();
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      String test = blackoutAndReturnOfToronto(policy, draft.name());

      // Under way: no failback, although Toronto has been Healthy for far longer than the window.
      actAsRunner(test, ChaosTestPhase.Running, false, null, null);
      policy.staysIn("chicago", Duration.ofSeconds(4));

      actAsRunner(
          test,
          ChaosTestPhase.Failed,
          false,
          Instant.now(),
          "fault 1 (DeletePod failed-web) was not recovered from");
      FailoverPolicyStatus failed =
          policy.await(
              "the restore test's failure shown",
              status ->
                  condition(status)
                      .map(c -> "RestoreTestFailed".equals(c.getReason()))
                      .orElse(false),
              SETTLE);
      assertThat(condition(failed).orElseThrow().getStatus()).isEqualTo("False");
      assertThat(condition(failed).orElseThrow().getMessage())
          .contains("toronto failed its restore test " + test)
          .contains("fault 1 (DeletePod failed-web) was not recovered from");
      assertThat(failed.getRestoreGates())
          .singleElement()
          .extracting(RestoreGate::getState)
          .isEqualTo(RestoreGateState.TestFailed);
      Event warning = policy.events().await("RestoreTestFailed", test, SETTLE);
      assertThat(warning.getType()).isEqualTo("Warning");

      // The gate is persisted state: a restarted operator keeps Toronto out.
      operator.restart();
      FailoverPolicyStatus stillOut = policy.staysIn("chicago", Duration.ofSeconds(5));
      assertThat(stillOut.getRestoreGates()).hasSize(1);
      assertThat(policy.events().count("FailbackStarted")).isZero();
      assertThat(policy.events().count("RestoreTestFailed")).as("told once").isEqualTo(1);

      // A person may still fail back; the record says it overrode the failed test.
      policy.apply(draft.withFailback("override-1"));
      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "ManualFailback", SETTLE);
      FailoverRecord record = back.getLastFailover();
      assertThat(record.getActionId()).isEqualTo("override-1");
      assertThat(record.getRestoreTestOverride()).isEqualTo("ManualOverrideOfFailedRestoreTest");
      assertThat(record.getOverriddenRestoreTest()).isEqualTo(test);
      Event override = policy.events().await("RestoreTestOverridden", "override-1", SETTLE);
      assertThat(override.getType()).isEqualTo("Warning");
      policy.awaitServingOnlyIn("toronto", SETTLE);
      FailoverPolicyStatus closed =
          policy.await(
              "the gate closed once the workload is back",
              status ->
                  status.getRestoreGates().isEmpty()
                      && condition(status).map(c -> "True".equals(c.getStatus())).orElse(false),
              SETTLE);
      assertThat(closed.getActiveDataCenter()).isEqualTo("toronto");
    }
  }

  @Test
  void aPassedAndPromotedRestoreTestLetsTheWorkloadFailBack() {
    PolicyDraft draft =
        PolicyDraft.of(NAMESPACE, "passed")
            .withStandby(StandbyMode.Warm)
            .withAutomaticFailback(WINDOW)
            .withRequireRestoreTest();
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      String test = blackoutAndReturnOfToronto(policy, draft.name());
      policy.staysIn("chicago", Duration.ofSeconds(3));

      actAsRunner(test, ChaosTestPhase.Passed, true, Instant.now(), "2 fault(s) recovered from");

      FailoverPolicyStatus back = policy.awaitMovedTo("toronto", "AutomaticFailback", SETTLE);
      assertThat(back.getLastFailover().getRestoreTestOverride()).isNull();
      assertThat(back.getRestoreGates()).isEmpty();
      assertThat(condition(back).orElseThrow().getStatus()).isEqualTo("True");
      policy.events().await("RestoreTestPassed", test, SETTLE);
      policy.awaitServingOnlyIn("toronto", SETTLE);
    }
  }

  /**
   * Cuts Toronto until the workload has failed over to Chicago, reconnects it, and waits for the
   * Restoration test the operator creates; returns its name.
   */
  private String blackoutAndReturnOfToronto(PolicyUnderTest policy, String policyName) {
    policy.awaitActiveIn("toronto", SETTLE);
    DataCenterCluster toronto = world.dataCenter("toronto");
    toronto.cut();
    try {
      policy.awaitMovedTo("chicago", "Blackout", SETTLE);
    } finally {
      toronto.uncut();
    }
    world.awaitDataCenterPhase("toronto", DataCenterPhase.Healthy, SETTLE);
    FailoverPolicyStatus awaiting =
        policy.await(
            "toronto held out for its restore test",
            status ->
                status.getRestoreGates().stream()
                    .anyMatch(
                        gate ->
                            "toronto".equals(gate.getDataCenter())
                                && gate.getState() == RestoreGateState.AwaitingTest
                                && gate.getTest() != null),
            SETTLE);
    RestoreGate gate = awaiting.getRestoreGates().get(0);
    assertThat(Instant.parse(gate.getRestoredAt())).isAfter(Instant.parse(gate.getBlackoutAt()));
    assertThat(condition(awaiting).orElseThrow().getReason()).isEqualTo("AwaitingRestoreTest");

    ChaosRestoreTest test = awaitTest(gate.getTest());
    assertThat(test.getSpec().getTrigger()).isEqualTo(ChaosTrigger.Restoration);
    assertThat(test.getSpec().getDataCenter()).isEqualTo("toronto");
    assertThat(test.getSpec().getPolicyRef().getName()).isEqualTo(policyName);
    assertThat(test.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("FailoverPolicy"));
    assertThat(test.getMetadata().getManagedFields())
        .anySatisfy(field -> assertThat(field.getManager()).isEqualTo("failover-operator"));
    policy.events().await("AwaitingRestoreTest", gate.getTest(), SETTLE);
    return gate.getTest();
  }

  private ChaosRestoreTest awaitTest(String name) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (true) {
      ChaosRestoreTest test =
          world.hub().resources(ChaosRestoreTest.class).inNamespace(NAMESPACE).withName(name).get();
      if (test != null) {
        return test;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no ChaosRestoreTest " + NAMESPACE + "/" + name + " within " + SETTLE);
      }
      Sleep.of(Duration.ofMillis(200));
    }
  }

  /** Writes the test's status as its runner would: through the status subresource. */
  private void actAsRunner(
      String name, ChaosTestPhase phase, boolean promoted, Instant completedAt, String message) {
    ChaosRestoreTest test = awaitTest(name);
    ChaosRestoreTestStatus status = new ChaosRestoreTestStatus();
    status.setPhase(phase);
    status.setPromoted(promoted);
    status.setStartedAt(Instant.now().toString());
    status.setCompletedAt(completedAt == null ? null : completedAt.toString());
    status.setMessage(message);
    test.setStatus(status);
    world
        .hub()
        .resources(ChaosRestoreTest.class)
        .inNamespace(NAMESPACE)
        .resource(test)
        .updateStatus();
  }

  private static Optional<Condition> condition(FailoverPolicyStatus status) {
    return status.condition(CONDITION);
  }
}
