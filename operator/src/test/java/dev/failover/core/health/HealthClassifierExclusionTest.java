package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthClassifierExclusionTest {
  private static final Exclusion UNTIL_ONE_PM =
      Exclusion.endingAt(ProbeFeed.T0.plus(Duration.ofHours(1)), "maintenance");

  @Test
  void isExcludedWhateverTheProbesSay() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).ok(1);

    assertThat(feed.phase()).isEqualTo(Excluded);
    assertThat(feed.state().reason()).isEqualTo("excluded until 2025-03-01T13:00:00Z: maintenance");
  }

  @Test
  void exclusionWithoutAnEndIsADrain() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(Exclusion.indefinite("move racks")).ok(100);

    assertThat(feed.phase()).isEqualTo(Excluded);
    assertThat(feed.state().reason()).isEqualTo("drained: move racks");
  }

  @Test
  void exclusionHidesABlackoutButKeepsCounting() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).refusals(5);

    assertThat(feed.phase()).isEqualTo(Excluded);
    assertThat(feed.state().consecutiveFailures()).isEqualTo(5);
  }

  @Test
  void readmitsAsHealthyWhenProbesAreGoodAtTheEndOfTheWindow() {
    ProbeFeed feed = new ProbeFeed().ok(3);
    feed.exclude(Exclusion.endingAt(feed.clock().plusSeconds(5), "patching")).ok(5);
    assertThat(feed.phase()).isEqualTo(Excluded);

    feed.ok(1);

    assertThat(feed.phase()).as("the until instant is no longer excluded").isEqualTo(Healthy);
    assertThat(feed.state().reason()).isEqualTo("exclusion ended; probes are good");
  }

  @Test
  void readmitsAsUnreachableWhenItBlackedOutDuringTheExclusion() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).refusals(4).endExclusion();

    feed.refusals(1);

    assertThat(feed.phase()).isEqualTo(Unreachable);
    assertThat(feed.state().reason())
        .isEqualTo("exclusion ended; blackout: 5 consecutive probes refused");
  }

  @Test
  void readmitsAsHealthyWithFailuresBelowTheThreshold() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).refusals(1).endExclusion();

    feed.refusals(1);

    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void readmitsAsDegradedWhenTheWindowShowsABrownout() {
    ProbeFeed feed =
        new ProbeFeed().exclude(UNTIL_ONE_PM).ok(20, Duration.ofMillis(500)).endExclusion();

    feed.ok(1, Duration.ofMillis(500));

    assertThat(feed.phase()).isEqualTo(Degraded);
  }

  @Test
  void readmitsAsPendingWhenNeverProbed() {
    ProbeFeed feed = new ProbeFeed().exclude(UNTIL_ONE_PM).tick();
    assertThat(feed.phase()).isEqualTo(Excluded);

    feed.endExclusion().tick();

    assertThat(feed.phase()).isEqualTo(Pending);
    assertThat(feed.state().reason()).isEqualTo("exclusion ended; not probed yet");
  }

  @Test
  void tickStartsAnExclusionWithoutWaitingForAProbe() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).tick();

    assertThat(feed.phase()).isEqualTo(Excluded);
    assertThat(feed.state().phaseSince()).isEqualTo(feed.clock());
  }

  @Test
  void tickEndsAnExclusionOnceItsTimeIsUp() {
    ProbeFeed feed = new ProbeFeed().ok(3).exclude(UNTIL_ONE_PM).tick();

    feed.waitFor(Duration.ofMinutes(59)).tick();
    assertThat(feed.phase()).isEqualTo(Excluded);

    feed.waitFor(Duration.ofMinutes(1)).tick();
    assertThat(feed.phase()).isEqualTo(Healthy);
  }

  @Test
  void tickOutsideAnyExclusionChangesNothing() {
    ProbeFeed feed = new ProbeFeed().ok(3);
    HealthState before = feed.state();

    feed.waitFor(Duration.ofMinutes(5)).tick();

    assertThat(feed.state()).isSameAs(before);
  }

  @Test
  void excludingAnUnreachableDataCenterAndLettingItGoKeepsItUnreachable() {
    ProbeFeed feed = new ProbeFeed().ok(3).refusals(3).exclude(UNTIL_ONE_PM).tick();
    assertThat(feed.phase()).isEqualTo(Excluded);

    feed.endExclusion().tick();

    assertThat(feed.phase()).isEqualTo(Unreachable);
  }
}
