package dev.failover.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.core.health.ConfirmationProbes;
import dev.failover.core.health.HealthState;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.health.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeLoopsTest {
  private static final Duration WITHIN = Duration.ofSeconds(30);
  private static final ProbeSettings FAST =
      new ProbeSettings(
          Duration.ofMillis(20),
          Duration.ofMillis(10),
          new HealthThresholds(
              3, 1, Duration.ofMillis(500), 5, Duration.ofSeconds(1), 80, Duration.ZERO),
          ConfirmationProbes.OFF);

  private final AtomicInteger changes = new AtomicInteger();
  private ProbeLoops loops;

  @AfterEach
  void close() {
    if (loops != null) {
      loops.close();
    }
  }

  @Test
  void aProbeThatThrowsIsCountedAndTheScheduleGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    loops = new ProbeLoops("test", Clock.systemUTC(), key -> {}, ProbeListener.none());

    loops.watch(
        "dc",
        "client",
        timeout -> {
          if (calls.incrementAndGet() <= 2) {
            throw new IllegalStateException("a bug in a probe target");
          }
          return succeeded();
        },
        FAST,
        Optional.empty(),
        HealthState.initial(Instant.now()));

    eventually(
        () ->
            loops.state("dc").map(HealthState::phase).equals(Optional.of(DataCenterPhase.Healthy)));
    assertThat(loops.unexpectedFailures()).isEqualTo(2);
    assertThat(loops.alive()).isTrue();
  }

  @Test
  void aListenerThatThrowsNeverStopsTheProbes() {
    AtomicInteger probes = new AtomicInteger();
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {
              throw new IllegalStateException("a bug in a listener");
            },
            (key, result, health) -> probes.incrementAndGet());

    loops.watch("dc", "client", timeout -> succeeded(), FAST, Optional.empty(), initial());

    eventually(() -> probes.get() >= 5);
    assertThat(loops.unexpectedFailures()).isPositive();
  }

  @Test
  void aScheduleStuckInAListenerIsNotAliveUntilItMovesAgain() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger probes = new AtomicInteger();
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {},
            (key, result, health) -> {
              if (probes.incrementAndGet() == 3) {
                awaitQuietly(release);
              }
            });
    loops.watch("dc", "client", timeout -> succeeded(), FAST, Optional.empty(), initial());

    eventually(() -> !loops.alive());
    release.countDown();

    eventually(loops::alive);
    // Alive again as the listener returns; the next probe follows a moment later.
    eventually(() -> probes.get() > 3);
  }

  @Test
  void aClosedScheduleIsNotAlive() {
    loops = new ProbeLoops("test", Clock.systemUTC(), key -> {}, ProbeListener.none());
    assertThat(loops.alive()).isTrue();

    loops.close();

    assertThat(loops.alive()).isFalse();
  }

  @Test
  void failuresPastTheBlackoutThresholdAreNotToldOnEveryProbe() {
    AtomicInteger probes = new AtomicInteger();
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> changes.incrementAndGet(),
            (key, result, health) -> probes.incrementAndGet());

    loops.watch(
        "dc",
        "client",
        timeout ->
            CompletableFuture.completedFuture(ProbeResult.refused(Instant.now(), Duration.ZERO)),
        FAST,
        Optional.empty(),
        initial());

    eventually(() -> probes.get() >= 20);
    // Failures 1, 2 and 3 (Pending → Unreachable at the 3rd) are news; the 4th and later are not.
    assertThat(changes.get()).isEqualTo(3);
    assertThat(loops.state("dc").orElseThrow().consecutiveFailures()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void aRefusedHealthyDataCenterIsConfirmedBetweenRegularProbes() {
    AtomicInteger probes =
        watchHealthyHourly(
            () ->
                CompletableFuture.completedFuture(
                    ProbeResult.refused(Instant.now(), Duration.ZERO)));

    assertUnreachableAfterThreeQuickProbes(probes);
  }

  @Test
  void aTimedOutHealthyDataCenterIsConfirmedBetweenRegularProbes() {
    AtomicInteger probes =
        watchHealthyHourly(
            Duration.ofMillis(10),
            () ->
                CompletableFuture.completedFuture(
                    ProbeResult.timedOut(Instant.now(), Duration.ofMillis(10))));

    assertUnreachableAfterThreeQuickProbes(probes);
  }

  @Test
  void aTimeoutIsNotConfirmedWhenConfirmingWouldBeSlowerThanTheSchedule()
      throws InterruptedException {
    // A timeout as long as the interval: a confirmation would only make the next probe skip.
    AtomicInteger probes =
        watchHealthyHourly(
            Duration.ofHours(1),
            () ->
                CompletableFuture.completedFuture(
                    ProbeResult.timedOut(Instant.now(), Duration.ofMillis(10))));

    eventually(() -> probes.get() >= 1);
    // Ten confirmation intervals pass; the first probe stays the only one.
    Thread.sleep(200);
    assertThat(probes.get()).isEqualTo(1);
    assertThat(loops.state("dc").orElseThrow().phase()).isNotEqualTo(DataCenterPhase.Unreachable);
  }

  @Test
  void timeoutsWhileTheOperatorItselfStalledAreNotCounted() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger counted = new AtomicInteger();
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {},
            (key, result, health) -> counted.incrementAndGet(),
            (from, to) -> FAST.timeout().dividedBy(4));

    loops.watch(
        "dc",
        "client",
        timeout -> {
          attempts.incrementAndGet();
          return CompletableFuture.completedFuture(ProbeResult.timedOut(Instant.now(), timeout));
        },
        FAST,
        Optional.empty(),
        healthy());

    eventually(() -> attempts.get() >= 10);
    assertThat(counted.get()).isZero();
    assertThat(loops.state("dc").orElseThrow().phase()).isEqualTo(DataCenterPhase.Healthy);
    assertThat(loops.state("dc").orElseThrow().consecutiveFailures()).isZero();
  }

  @Test
  void aStallShorterThanAQuarterOfTheTimeoutExcusesNothing() {
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {},
            ProbeListener.none(),
            (from, to) -> FAST.timeout().dividedBy(4).minusNanos(1));

    loops.watch(
        "dc",
        "client",
        timeout -> CompletableFuture.completedFuture(ProbeResult.timedOut(Instant.now(), timeout)),
        FAST,
        Optional.empty(),
        healthy());

    awaitUnreachable();
  }

  @Test
  void aRefusalIsAnAnswerAndCountsThoughTheOperatorStalled() {
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {},
            ProbeListener.none(),
            (from, to) -> Duration.ofHours(1));

    loops.watch(
        "dc",
        "client",
        timeout ->
            CompletableFuture.completedFuture(ProbeResult.refused(Instant.now(), Duration.ZERO)),
        FAST,
        Optional.empty(),
        healthy());

    awaitUnreachable();
  }

  private static HealthState healthy() {
    return HealthState.restored(
        DataCenterPhase.Healthy, Instant.now(), 0, 3, "restored from status");
  }

  /** Probed hourly, the data center goes Unreachable on three probes: only confirmation did it. */
  private void assertUnreachableAfterThreeQuickProbes(AtomicInteger probes) {
    awaitUnreachable();
    // The state is published before the listener hears of the probe that made it: wait for it.
    eventually(() -> probes.get() >= 3);
    assertThat(probes.get()).as("three probes, none an hour apart").isEqualTo(3);
  }

  /**
   * Watches a Healthy data center probed once an hour, with confirmation 20 ms after a failure:
   * only quick confirmation can probe it more than once here. Returns the probe count.
   */
  private AtomicInteger watchHealthyHourly(Supplier<CompletableFuture<ProbeResult>> answer) {
    return watchHealthyHourly(Duration.ofMillis(10), answer);
  }

  /** As {@link #watchHealthyHourly(Supplier)}, with this probe timeout. */
  private AtomicInteger watchHealthyHourly(
      Duration timeout, Supplier<CompletableFuture<ProbeResult>> answer) {
    ProbeSettings hourly =
        new ProbeSettings(
            Duration.ofHours(1),
            timeout,
            FAST.thresholds(),
            new ConfirmationProbes(Duration.ofMillis(20)));
    AtomicInteger probes = new AtomicInteger();
    loops =
        new ProbeLoops(
            "test",
            Clock.systemUTC(),
            key -> {},
            (key, result, health) -> probes.incrementAndGet());
    loops.watch("dc", "client", probeTimeout -> answer.get(), hourly, Optional.empty(), healthy());
    return probes;
  }

  private void awaitUnreachable() {
    eventually(
        () ->
            loops
                .state("dc")
                .map(HealthState::phase)
                .equals(Optional.of(DataCenterPhase.Unreachable)));
  }

  /** Polls until the condition holds; fails after {@link #WITHIN}. */
  private static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %s", WITHIN).isLessThan(deadline);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static HealthState initial() {
    return HealthState.initial(Instant.now());
  }

  private static CompletableFuture<ProbeResult> succeeded() {
    return CompletableFuture.completedFuture(
        ProbeResult.succeeded(Instant.now(), Duration.ofMillis(1)));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
