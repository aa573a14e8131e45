package dev.failover.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory, from /proc: the CPU seconds it has used (user + system, at the
 * usual 100 ticks a second), and its resident and peak resident memory in KiB.
 */
record ProcessUsage(double cpuSeconds, long rssKib, long peakRssKib) {
  private static final double TICKS_PER_SECOND = 100.0;

  static ProcessUsage of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long rss = 0;
      long peak = 0;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          peak = kib(line);
        }
      }
      return new ProcessUsage(ticks / TICKS_PER_SECOND, rss, peak);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc of process " + pid, e);
    }
  }

  /** The share of one core used between the two readings, in percent. */
  static double corePercent(ProcessUsage before, ProcessUsage after, double wallSeconds) {
    return 100.0 * (after.cpuSeconds() - before.cpuSeconds()) / wallSeconds;
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
