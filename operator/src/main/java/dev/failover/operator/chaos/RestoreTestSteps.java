package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRunStep;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultPlan;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultVerdict;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.DurationText;
import dev.failover.core.chaos.FaultRecoveries;
import dev.failover.core.chaos.FaultSequence;
import dev.failover.core.chaos.PlannedFault;
import dev.failover.core.chaos.RestoreVerdict;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a running test on by one step, from what its status says it is at, so an operator that
 * restarts resumes where the last one stopped. Each call does a few bounded requests and returns;
 * the reconciler looks again a second later. A step that cannot finish in time fails the test.
 *
 * <ol>
 *   <li>Preparing: the test namespace and the copy, until the copy is Available;
 *   <li>Faults: one fault at a time, from the seed; the copy is re-applied (as the operator does
 *       production) until it is Available again, or the maximum recovery time passes;
 *   <li>DrillOut, DrillBack: the copy moves to another Healthy data center of the policy (into a
 *       test namespace there) and back; production and traffic are never touched;
 *   <li>BackingUp: the data center's managed state for the policy, then promotion.
 * </ol>
 */
final class RestoreTestSteps {
  private final DataCenterConnections connections;
  private final RestoreBackup backup;

  RestoreTestSteps(DataCenterConnections connections, RestoreBackup backup) {
    this.connections = connections;
    this.backup = backup;
  }

  void advance(RestoreTestRun run) {
    ChaosRunStep step = Optional.ofNullable(run.status().getStep()).orElse(ChaosRunStep.Preparing);
    switch (step) {
      case Preparing -> prepare(run);
      case Faults -> faults(run);
      case DrillOut -> drillOut(run);
      case DrillBack -> drillBack(run);
      case BackingUp -> backUp(run);
    }
  }

  private void prepare(RestoreTestRun run) {
    if (!PolicySettingsMapper.settings(run.policy().getSpec())
        .placement()
        .ordered()
        .contains(run.dataCenter())) {
      // A tenant tests only the data centers its own policy runs in.
      fail(
          run,
          "data center "
              + run.dataCenter()
              + " is not in the placement of policy "
              + run.policy().getMetadata().getName());
      return;
    }
    KubernetesClient client = client(run.dataCenter());
    List<GenericKubernetesResource> copy = copy(run);
    if (copy.stream().noneMatch(o -> List.of("Deployment", "StatefulSet").contains(o.getKind()))) {
      fail(run, "the policy's workload has no Deployment or StatefulSet to test");
      return;
    }
    TestNamespaces.ensure(client, run.test());
    TestCopyApplier.apply(client, copy);
    if (TestCopyApplier.observe(client, copy).available()) {
      RestoreTestStatuses.step(run.status(), ChaosRunStep.Faults, run.now());
      run.status().setMessage("the test copy is Available in " + run.status().getTestNamespace());
    } else {
      run.status().setMessage("waiting for the test copy to be Available");
    }
  }

  private void faults(RestoreTestRun run) {
    ChaosRestoreTestStatus status = run.status();
    KubernetesClient client = client(run.dataCenter());
    List<GenericKubernetesResource> copy = copy(run);
    String namespace = status.getTestNamespace();
    List<PlannedFault> planned = planned(run, copy);
    List<FaultRecord> records = status.getFaults();
    if (!records.isEmpty() && records.get(records.size() - 1).getVerdict() == null) {
      FaultRecord last = records.get(records.size() - 1);
      TestCopyApplier.apply(client, copy);
      if (FaultInjector.recovered(client, namespace, last, copy)) {
        Duration recovery =
            Duration.between(java.time.Instant.parse(last.getInjectedAt()), run.now());
        last.setRecoveredAt(RestoreTestStatuses.text(run.now()));
        last.setRecoverySeconds(recovery.toMillis() / 1000.0);
        last.setVerdict(FaultRecoveries.judge(recovery, run.maxRecovery()));
      } else if (FaultRecoveries.overdue(
          java.time.Instant.parse(last.getInjectedAt()), run.now(), run.maxRecovery())) {
        last.setVerdict(FaultVerdict.NotRecovered);
      } else {
        status.setMessage(
            "fault "
                + records.size()
                + " of "
                + planned.size()
                + " ("
                + last.getKind()
                + " "
                + last.getTarget()
                + ") injected; waiting for the copy to recover");
        return;
      }
    }
    boolean allRecovered = records.stream().allMatch(r -> r.getVerdict() == FaultVerdict.Recovered);
    if (allRecovered && records.size() < planned.size()) {
      PlannedFault next = planned.get(records.size());
      FaultRecord record = new FaultRecord();
      record.setKind(next.kind());
      record.setInjectedAt(RestoreTestStatuses.text(run.now()));
      record.setTarget(FaultInjector.inject(client, namespace, next, copy));
      records.add(record);
      status.setMessage(
          "fault " + records.size() + " of " + planned.size() + " injected: " + record.getTarget());
      return;
    }
    RestoreVerdict verdict =
        RestoreVerdict.of(FaultRecoveries.outcomes(records), run.maxRecovery());
    if (!verdict.passed()) {
      fail(run, verdict.message());
      return;
    }
    status.setMessage(verdict.message());
    next(
        run,
        Boolean.FALSE.equals(run.test().getSpec().getDrillFailover())
            ? ChaosRunStep.BackingUp
            : ChaosRunStep.DrillOut);
  }

  private void drillOut(RestoreTestRun run) {
    ChaosRestoreTestStatus status = run.status();
    if (status.getDrillDataCenter() == null) {
      Optional<String> target = drillTarget(run);
      if (target.isEmpty()) {
        status.setDrillFailoverPassed(false);
        fail(
            run,
            "drill failover: no other Healthy data center of policy "
                + run.policy().getMetadata().getName()
                + " to move the test copy to");
        return;
      }
      status.setDrillDataCenter(target.get());
    }
    KubernetesClient other = client(status.getDrillDataCenter());
    List<GenericKubernetesResource> copy = copy(run);
    TestNamespaces.ensure(other, run.test());
    TestCopyApplier.apply(other, copy);
    TestCopyApplier.scaleToZero(client(run.dataCenter()), copy);
    if (TestCopyApplier.observe(other, copy).available()) {
      status.setMessage(
          "drill failover: the test copy is Available in " + status.getDrillDataCenter());
      next(run, ChaosRunStep.DrillBack);
    } else if (run.inStep().compareTo(run.maxRecovery()) > 0) {
      status.setDrillFailoverPassed(false);
      fail(
          run,
          "drill failover: the test copy was not Available in "
              + status.getDrillDataCenter()
              + " within "
              + DurationText.format(run.maxRecovery()));
    } else {
      status.setMessage("drill failover: moving the test copy to " + status.getDrillDataCenter());
    }
  }

  private void drillBack(RestoreTestRun run) {
    ChaosRestoreTestStatus status = run.status();
    KubernetesClient tested = client(run.dataCenter());
    List<GenericKubernetesResource> copy = copy(run);
    TestCopyApplier.apply(tested, copy);
    if (TestCopyApplier.observe(tested, copy).available()) {
      TestNamespaces.remove(client(status.getDrillDataCenter()), run.test());
      status.setDrillFailoverPassed(true);
      status.setMessage("drill failover to " + status.getDrillDataCenter() + " and back passed");
      next(run, ChaosRunStep.BackingUp);
    } else if (run.inStep().compareTo(run.maxRecovery()) > 0) {
      status.setDrillFailoverPassed(false);
      fail(
          run,
          "drill failover: the test copy was not Available again in "
              + run.dataCenter()
              + " within "
              + DurationText.format(run.maxRecovery()));
    } else {
      status.setMessage("drill failover: moving the test copy back to " + run.dataCenter());
    }
  }

  private void backUp(RestoreTestRun run) {
    ChaosRestoreTestStatus status = run.status();
    if (!Boolean.FALSE.equals(run.test().getSpec().getBackup())) {
      try {
        status.setBackup(backup.backUp(run.test(), run.policy(), run.dataCenter()));
      } catch (RuntimeException e) {
        fail(run, "backup: " + e.getMessage());
        return;
      }
    }
    int faults = status.getFaults().size();
    RestoreTestStatuses.pass(
        run.test(),
        status,
        faults
            + " fault(s) recovered from"
            + (Boolean.TRUE.equals(status.getDrillFailoverPassed()) ? ", drill passed" : "")
            + (status.getBackup() != null ? ", backed up" : "")
            + "; data center "
            + run.dataCenter()
            + " promoted for policy "
            + run.policy().getMetadata().getName(),
        run.now());
  }

  /** Another data center of the policy's placement, Healthy and connected. */
  private Optional<String> drillTarget(RestoreTestRun run) {
    return PolicySettingsMapper.settings(run.policy().getSpec()).placement().ordered().stream()
        .filter(name -> !name.equals(run.dataCenter()))
        .filter(
            name -> {
              DataCenter dataCenter = run.dataCenters().get(name);
              return dataCenter != null
                  && dataCenter.getStatus() != null
                  && dataCenter.getStatus().getPhase() == DataCenterPhase.Healthy;
            })
        .filter(name -> connections.client(name).isPresent())
        .findFirst();
  }

  static List<PlannedFault> planned(RestoreTestRun run, List<GenericKubernetesResource> copy) {
    FaultPlan plan = Optional.ofNullable(run.test().getSpec().getFaults()).orElse(new FaultPlan());
    return FaultSequence.draw(
        Objects.requireNonNull(run.status().getSeed(), "seed"),
        Optional.ofNullable(plan.getCount()).orElse(5),
        Optional.ofNullable(plan.getKinds()).orElse(List.of()),
        TestCopy.targets(copy));
  }

  static List<GenericKubernetesResource> copy(RestoreTestRun run) {
    return TestCopy.of(
        run.policy(),
        run.status().getTestNamespace(),
        TestNamespaces.labels(run.test()),
        ReplicasMode.Full);
  }

  private void next(RestoreTestRun run, ChaosRunStep step) {
    RestoreTestStatuses.step(run.status(), step, run.now());
  }

  private void fail(RestoreTestRun run, String message) {
    RestoreTestStatuses.fail(run.test(), run.status(), message, run.now());
  }

  private KubernetesClient client(String dataCenter) {
    return connections
        .client(dataCenter)
        .orElseThrow(() -> new IllegalStateException("no connection to data center " + dataCenter));
  }
}
