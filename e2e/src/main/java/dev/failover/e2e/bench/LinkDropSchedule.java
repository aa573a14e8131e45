package dev.failover.e2e.bench;

import java.time.Duration;
import java.util.Random;

/**
 * When to drop a data center's link so that a given share of its probes fail, independently of when
 * the probes run. Drops of a fixed length start as a Poisson process: the quiet time from the end
 * of one drop to the start of the next is exponentially distributed.
 *
 * <p>A probe fails when it is sent during a drop, and also when a drop starts while it waits for
 * its answer; so each drop exposes {@code drop + answer} of probe time, where {@code answer} is how
 * long a probe waits on average (the added latency, the link's own time being small). With a mean
 * cycle (drop plus quiet time) of {@code exposure / share}, the expected share of probes that land
 * in a drop is {@code share}. This is the expectation only: the benchmark measures the real share
 * from the operator's probe counters.
 *
 * @param drop how long each drop lasts
 * @param meanQuiet the mean time from the end of one drop to the start of the next
 */
record LinkDropSchedule(Duration drop, Duration meanQuiet, Random random) {

  LinkDropSchedule {
    if (drop.isNegative() || drop.isZero()) {
      throw new IllegalArgumentException("a drop must last, not " + drop);
    }
    if (meanQuiet.isNegative() || meanQuiet.isZero()) {
      throw new IllegalArgumentException("the mean quiet time must be positive, not " + meanQuiet);
    }
  }

  /**
   * Drops of {@code drop} so that {@code failurePercent} of probes, each waiting {@code answer} on
   * average, land in one.
   */
  static LinkDropSchedule forProbeFailures(
      double failurePercent, Duration drop, Duration answer, long seed) {
    if (!(failurePercent > 0 && failurePercent < 100)) {
      throw new IllegalArgumentException(
          "the failure share must be above 0% and below 100%, not " + failurePercent + "%");
    }
    long exposureMicros = drop.plus(answer).toNanos() / 1_000;
    long cycleMicros = Math.round(exposureMicros * 100.0 / failurePercent);
    Duration meanQuiet = Duration.ofNanos((cycleMicros - drop.toNanos() / 1_000) * 1_000);
    return new LinkDropSchedule(drop, meanQuiet, new Random(seed));
  }

  /** The quiet time before the next drop: exponential with mean {@link #meanQuiet()}. */
  Duration nextQuiet() {
    double mean = meanQuiet.toNanos();
    return Duration.ofNanos(Math.round(-mean * Math.log(1 - random.nextDouble())));
  }

  /** Drops expected over {@code period}: one per mean cycle. */
  double expectedDrops(Duration period) {
    return (double) period.toNanos() / drop.plus(meanQuiet).toNanos();
  }
}
