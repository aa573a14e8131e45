package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One reconcile's view of a running test: the test, its policy (from the test's own namespace), the
 * DataCenters, the status being built and the time.
 */
record RestoreTestRun(
    ChaosRestoreTest test,
    FailoverPolicy policy,
    Map<String, DataCenter> dataCenters,
    ChaosRestoreTestStatus status,
    Instant now) {

  String dataCenter() {
    return test.getSpec().getDataCenter();
  }

  Duration maxRecovery() {
    return DurationText.parse(
        Optional.ofNullable(test.getSpec().getMaxRecoveryTime()).orElse("2m"));
  }

  Duration timeout() {
    return DurationText.parse(Optional.ofNullable(test.getSpec().getTimeout()).orElse("10m"));
  }

  Duration inStep() {
    return status.getStepStartedAt() == null
        ? Duration.ZERO
        : Duration.between(Instant.parse(status.getStepStartedAt()), now);
  }
}
