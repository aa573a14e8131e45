package dev.failover.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process named by its pid and its start time (clock ticks since boot, from {@code
 * /proc/<pid>/stat}), so a reused pid is never mistaken for the process that wrote a file.
 */
public record ProcessIdentity(long pid, long startTicks) {

  /** The identity of this JVM. */
  public static ProcessIdentity current() {
    long pid = ProcessHandle.current().pid();
    return of(pid).orElseThrow(() -> new IllegalStateException("cannot read /proc/" + pid));
  }

  /** The identity of a running (not zombie) process, or empty when there is none. */
  public static Optional<ProcessIdentity> of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return parseStat(pid, stat);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a {@code /proc/<pid>/stat} line. The command name (field 2) may hold spaces and
   * parentheses, so fields are counted from the last ')'. A zombie counts as gone once it is alone:
   * a killed multi-threaded server (kube-apiserver, etcd) shows its main thread as a zombie while
   * its other threads still exit, and until they have, its listening sockets still accept
   * connections (and reset them).
   */
  static Optional<ProcessIdentity> parseStat(long pid, String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      return Optional.empty();
    }
    String[] fields = stat.substring(end + 1).strip().split("\\s+");
    // fields[0] is field 3 (state); num_threads is field 20, the start time field 22.
    if (fields.length < 20) {
      return Optional.empty();
    }
    try {
      boolean zombie = fields[0].equals("Z") || fields[0].equals("X");
      if (zombie && Long.parseLong(fields[17]) <= 1) {
        return Optional.empty();
      }
      return Optional.of(new ProcessIdentity(pid, Long.parseLong(fields[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses what {@link #format()} wrote: {@code "<pid> <startTicks>"}. */
  public static Optional<ProcessIdentity> parse(String content) {
    String[] parts = content == null ? new String[0] : content.strip().split("\\s+");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcessIdentity(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public String format() {
    return pid + " " + startTicks + "\n";
  }

  /** Whether this very process (same pid, same start time) is still running. */
  public boolean isAlive() {
    return of(pid).map(this::equals).orElse(false);
  }
}
