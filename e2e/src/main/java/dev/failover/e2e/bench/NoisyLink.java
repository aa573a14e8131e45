package dev.failover.e2e.bench;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.TestbedException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data center's link made noisy at its toxiproxy until a deadline: every response delayed by
 * {@code latency ± jitter}, and the link dropped (the proxy disabled: connections closed, new ones
 * refused) for short spells at random, as a {@link LinkDropSchedule} says. Runs on its own thread;
 * {@link #close()} stops it early and always leaves the link clean.
 */
final class NoisyLink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NoisyLink.class);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

  private final DataCenterCluster dataCenter;
  private final LinkDropSchedule schedule;
  private final Instant end;
  private final ScenarioRecorder recorder;
  private final List<Long> dropMillis = new ArrayList<>();
  private final Thread thread;

  private NoisyLink(
      DataCenterCluster dataCenter,
      LinkDropSchedule schedule,
      Instant end,
      ScenarioRecorder recorder) {
    this.dataCenter = dataCenter;
    this.schedule = schedule;
    this.end = end;
    this.recorder = recorder;
    this.thread = new Thread(this::dropUntilEnd, "noisy-link-" + dataCenter.name());
    this.thread.setDaemon(true);
  }

  /** Adds the latency at once and starts dropping; the drops stop at {@code end}. */
  static NoisyLink start(
      DataCenterCluster dataCenter,
      Duration latency,
      Duration jitter,
      LinkDropSchedule schedule,
      Instant end,
      ScenarioRecorder recorder) {
    dataCenter.slow(latency, jitter);
    recorder.note(
        "latency",
        dataCenter.name(),
        latency.toMillis() + " ms ± " + jitter.toMillis() + " ms on every response");
    NoisyLink link = new NoisyLink(dataCenter, schedule, end, recorder);
    link.thread.start();
    return link;
  }

  /** How long each drop really lasted, proxy disabled to proxy enabled, in milliseconds. */
  synchronized List<Long> dropMillis() {
    return List.copyOf(dropMillis);
  }

  private void dropUntilEnd() {
    try {
      while (true) {
        Instant next = Instant.now().plus(schedule.nextQuiet());
        if (!next.plus(schedule.drop()).isBefore(end)) {
          return;
        }
        sleepUntil(next);
        Instant dropped = Instant.now();
        long start = System.nanoTime();
        dataCenter.cut();
        try {
          Sleep.of(schedule.drop());
        } finally {
          dataCenter.uncut();
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        synchronized (this) {
          dropMillis.add(millis);
        }
        recorder.note(
            dropped, "drop", dataCenter.name(), String.format(Locale.ROOT, "lasted %d ms", millis));
      }
    } catch (TestbedException | UncheckedIOException e) {
      if (!Thread.currentThread().isInterrupted()) {
        log.warn("The noisy link of {} stopped: {}", dataCenter.name(), e.getMessage());
        recorder.note("link-error", dataCenter.name(), e.getMessage());
      }
    }
  }

  private static void sleepUntil(Instant moment) {
    Duration left = Duration.between(Instant.now(), moment);
    if (!left.isNegative()) {
      Sleep.of(left);
    }
  }

  /** Stops the drops (one under way ends at once) and removes the latency. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(STOP_WITHIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    dataCenter.uncut();
    dataCenter.unslow();
    recorder.note("latency", dataCenter.name(), "removed");
  }
}
