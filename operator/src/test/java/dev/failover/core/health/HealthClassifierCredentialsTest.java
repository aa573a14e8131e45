package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A credential fault (401, 403, an untrusted certificate) means the data center answered: it is no
 * evidence of a blackout, and must not move a single workload.
 */
class HealthClassifierCredentialsTest {

  @Test
  void rejectedCredentialsKeepAHealthyDataCenterHealthyAndSaySo() {
    ProbeFeed feed = new ProbeFeed().ok(5);

    feed.probes(ProbeOutcome.Unauthorized, 20);

    assertThat(feed.phase()).isEqualTo(Healthy);
    assertThat(feed.state().consecutiveFailures()).isZero();
    assertThat(feed.state().credentialFaultMessage())
        .contains("401 Unauthorized: the credentials were rejected");
  }

  @Test
  void neitherForbiddenNorAnUntrustedCertificateIsABlackoutOrABrownout() {
    ProbeFeed forbidden = new ProbeFeed().ok(12).probes(ProbeOutcome.Forbidden, 30);
    ProbeFeed untrusted = new ProbeFeed().ok(12).probes(ProbeOutcome.TlsRejected, 30);

    assertThat(forbidden.phase()).isEqualTo(Healthy);
    assertThat(untrusted.phase()).isEqualTo(Healthy);
    assertThat(untrusted.state().errorRatePercent()).isZero();
    assertThat(untrusted.state().credentialFaultMessage().orElseThrow()).contains("TLS");
  }

  @Test
  void aDataCenterNeverAuthenticatedStaysPendingRatherThanUnreachable() {
    ProbeFeed feed = new ProbeFeed().probes(ProbeOutcome.Unauthorized, 10);

    assertThat(feed.phase()).isEqualTo(Pending);
    assertThat(feed.state().credentialFaultMessage()).isPresent();
  }

  @Test
  void refusalsAmongRejectionsStillMakeABlackout() {
    ProbeFeed feed = new ProbeFeed().ok(5).probes(ProbeOutcome.Unauthorized, 3);

    feed.refusals(1).probes(ProbeOutcome.Unauthorized, 1).refusals(2);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().credentialFaultMessage())
        .as("a refusal cannot tell whether the credentials are good again")
        .isPresent();
  }

  @Test
  void aSuccessfulProbeClearsTheFault() {
    ProbeFeed feed = new ProbeFeed().ok(5).probes(ProbeOutcome.Forbidden, 3);

    feed.ok(1);

    assertThat(feed.state().credentialFaultMessage()).isEmpty();
    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void aBrownoutIsNeitherStartedNorEndedByRejections() {
    ProbeFeed feed = new ProbeFeed().ok(11, Duration.ofMillis(400));
    assertThat(feed.phase()).isEqualTo(Degraded);

    feed.probes(ProbeOutcome.Unauthorized, 30);

    assertThat(feed.phase()).isEqualTo(Degraded);
  }

  @Test
  void anExclusionStillAppliesWhileTheCredentialsAreRejected() {
    ProbeFeed feed =
        new ProbeFeed()
            .ok(5)
            .exclude(Exclusion.indefinite("maintenance"))
            .probes(ProbeOutcome.Unauthorized, 1);

    assertThat(feed.phase()).isEqualTo(Excluded);
  }
}
