package dev.failover.e2e.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Prints what happens, stamped with the time since the demo's clock started. */
final class Timeline {
  private final PrintStream out;
  private volatile Instant zero = Instant.now();

  Timeline(PrintStream out) {
    this.out = out;
  }

  /** Restarts the clock; the cut of the primary is a good zero. */
  void startClockAt(Instant instant) {
    zero = instant;
  }

  Instant zero() {
    return zero;
  }

  synchronized void event(String what) {
    out.printf(Locale.ROOT, "  %8s  %s%n", stamp(Instant.now()), what);
  }

  synchronized void chapter(String title) {
    out.printf(Locale.ROOT, "%n\u001b[1m== %s\u001b[0m%n", title);
  }

  synchronized void note(String text) {
    out.printf(Locale.ROOT, "            %s%n", text);
  }

  String stamp(Instant at) {
    Duration since = Duration.between(zero, at);
    return String.format(Locale.ROOT, "%+.2fs", since.toMillis() / 1000.0);
  }
}
