package dev.failover.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell process, in its own session, that outlives the JVM: it polls the owner JVM and, once that
 * is gone without having closed the testbed (a SIGKILL, a crash), deletes the testbed's clusters
 * and kills every process working under its process root. It does what {@link TestbedCleanup} does,
 * in shell, because no JVM is left to do it.
 */
final class TestbedWatchdog {
  private final Process process;

  private TestbedWatchdog(Process process) {
    this.process = process;
  }

  static TestbedWatchdog start(TestbedLayout layout, ProcessIdentity owner, Path kwokctl) {
    try {
      Path script = layout.watchdogScript();
      Files.writeString(script, script(layout, owner, kwokctl));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(layout.logsDir());
      ProcessBuilder builder = new ProcessBuilder("setsid", "/bin/sh", script.toString());
      builder.directory(Path.of("/").toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.watchdogLog().toFile()));
      return new TestbedWatchdog(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the testbed watchdog", e);
    }
  }

  /** Ends the watchdog once the owner has cleaned up by itself. */
  void stop() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  long pid() {
    return process.pid();
  }

  static String script(TestbedLayout layout, ProcessIdentity owner, Path kwokctl) {
    return """
        #!/bin/sh
        # Watchdog of the testbed in %1$s (written by TestbedWatchdog).
        # When JVM %2$d is gone without having closed the testbed, remove what it started.
        WORK=%3$s
        ROOT=%4$s
        KWOKCTL=%5$s
        OWNER=%2$d
        OWNER_START=%6$d

        owner_alive() {
          [ -r /proc/$OWNER/stat ] || return 1
          # Fields after the command name: $1 is the state, $20 the start time.
          set -- $(sed 's/.*) //' /proc/$OWNER/stat 2>/dev/null)
          [ "$1" != Z ] && [ "$1" != X ] && [ "${20}" = "$OWNER_START" ]
        }

        sweep() {
          for proc in /proc/[0-9]*; do
            pid=${proc#/proc/}
            [ "$pid" = "$$" ] && continue
            cwd=$(readlink "$proc/cwd" 2>/dev/null) || continue
            case "$cwd" in
              "$ROOT"|"$ROOT/"*) kill -9 "$pid" 2>/dev/null && echo "killed $pid ($cwd)" ;;
            esac
          done
        }

        while owner_alive; do sleep 1; done
        [ -e "$WORK/closed" ] && exit 0
        echo "$(date -u +%%FT%%TZ) owner $OWNER is gone; cleaning up $WORK"
        if [ -d "$ROOT/clusters" ]; then
          KWOK_WORKDIR="$ROOT" timeout 120 "$KWOKCTL" delete cluster --all \\
            --kubeconfig="$ROOT/scratch-kubeconfig.yaml" 2>&1
        fi
        sweep
        sleep 2
        sweep
        date -u +%%FT%%TZ > "$WORK/closed"
        echo "$(date -u +%%FT%%TZ) done"
        """
        .formatted(
            layout.dir(),
            owner.pid(),
            shellQuote(layout.dir().toString()),
            shellQuote(layout.processRoot().toString()),
            shellQuote(kwokctl.toString()),
            owner.startTicks());
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
