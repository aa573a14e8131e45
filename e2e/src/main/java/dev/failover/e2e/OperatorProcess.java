package dev.failover.e2e;

import dev.failover.testbed.LoopbackPorts;
import dev.failover.testbed.TestbedException;
import dev.failover.testbed.TestbedLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator running as its own OS process from the built jar, as in production: {@code java
 * -jar}, configured only by environment variables, reaching the hub through {@code KUBECONFIG}.
 *
 * <p>It cannot outlive the test JVM: its working directory lies under the testbed's process root,
 * so the testbed's cleanup, its watchdog (after a SIGKILLed JVM) and the reaper of stale testbeds
 * kill it like the data centers' servers; a shutdown hook kills it on an ordinary JVM exit.
 */
public final class OperatorProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OperatorProcess.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
  private static final int FAILURE_LOG_LINES = 60;

  private final String name;
  private final OperatorLaunch launch;
  private final Path workDir;
  private final Path logFile;
  private final int metricsPort;
  private final int healthPort;
  private final Thread shutdownHook;
  private volatile Process process;

  private OperatorProcess(String name, OperatorLaunch launch, TestbedLayout layout) {
    this.name = name;
    this.launch = launch;
    this.workDir = layout.processDir(name);
    this.logFile = layout.processLog(name);
    this.metricsPort = LoopbackPorts.free();
    this.healthPort = LoopbackPorts.free();
    this.shutdownHook = new Thread(this::killQuietly, "operator-shutdown-" + name);
  }

  /**
   * Starts the operator and waits until its {@code /readyz} answers 200. {@code name} names its
   * working directory and log file in the testbed, so it must be unique per testbed.
   */
  public static OperatorProcess start(TestbedLayout layout, String name, OperatorLaunch launch) {
    OperatorProcess operator = new OperatorProcess(name, launch, layout);
    Runtime.getRuntime().addShutdownHook(operator.shutdownHook);
    try {
      operator.launch();
      return operator;
    } catch (RuntimeException e) {
      operator.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public int metricsPort() {
    return metricsPort;
  }

  public int healthPort() {
    return healthPort;
  }

  /** {@code http://127.0.0.1:<health port><path>}, e.g. {@code healthUri("/readyz")}. */
  public URI healthUri(String path) {
    return URI.create("http://127.0.0.1:" + healthPort + path);
  }

  public URI metricsUri() {
    return URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
  }

  /** The Prometheus text of {@code /metrics}; anything but 200 throws. */
  public String metrics() {
    HttpResponse<String> response = LocalHttp.get(metricsUri());
    if (response.statusCode() != 200) {
      throw new TestbedException(
          "GET " + metricsUri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Where the operator's stdout and stderr go, across restarts. */
  public Path logFile() {
    return logFile;
  }

  /** The last {@code lines} lines of the log, for failure messages. */
  public String logTail(int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "(no log at " + logFile + ")";
      }
      List<String> all = Files.readAllLines(logFile);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /** Crash: SIGKILL, then waits until the process has exited. Returns its exit code. */
  public int kill() {
    process.destroyForcibly();
    int exitCode = awaitExit(process);
    log.info("Operator {} (pid {}) killed, exit code {}", name, process.pid(), exitCode);
    return exitCode;
  }

  /**
   * Graceful stop: SIGTERM, then waits for the exit. An operator that ignores SIGTERM for 30 s is
   * killed and this throws: Kubernetes would kill such a pod too, and a test should hear of it.
   */
  public int stop() {
    if (!process.isAlive()) {
      return process.exitValue();
    }
    process.destroy();
    if (!waitFor(process, STOP_GRACE)) {
      kill();
      throw new TestbedException(
          "operator "
              + name
              + " ignored SIGTERM for "
              + STOP_GRACE.toSeconds()
              + " s and was killed; last log lines:\n"
              + logTail(FAILURE_LOG_LINES));
    }
    log.info("Operator {} (pid {}) stopped, exit code {}", name, pid(), process.exitValue());
    return process.exitValue();
  }

  /**
   * Stops the operator if it runs (SIGTERM), then starts it again on the same ports with the same
   * settings and waits until it is ready: a pod restart.
   */
  public void restart() {
    if (process.isAlive()) {
      stop();
    }
    launch();
  }

  /** Stops the operator: SIGTERM, SIGKILL if it does not exit in time. Never throws. */
  @Override
  public void close() {
    Process current = process;
    if (current != null && current.isAlive()) {
      current.destroy();
      if (!waitFor(current, CLOSE_GRACE)) {
        log.warn("Operator {} ignored SIGTERM for {}; killing it", name, CLOSE_GRACE);
        killQuietly();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook runs anyway.
    }
  }

  private void launch() {
    OperatorClassArchive.Start archive = OperatorClassArchive.startFor(launch.jar());
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(logFile.getParent());
      List<String> command = launch.command(archive.options());
      Files.writeString(
          logFile,
          "---- " + Instant.now() + " starting " + String.join(" ", command) + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.directory(workDir.toFile());
      launch.configure(builder.environment(), metricsPort, healthPort);
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      process = builder.start();
      process.onExit().thenAccept(exited -> archive.exited(exited.exitValue()));
    } catch (IOException e) {
      archive.exited(-1);
      throw new UncheckedIOException("cannot start the operator " + name, e);
    }
    log.info(
        "Operator {} started (pid {}, health :{}, metrics :{}, log {})",
        name,
        process.pid(),
        healthPort,
        metricsPort,
        logFile);
    try {
      Duration took = OperatorReadiness.await(process, healthUri("/readyz"), launch.readyTimeout());
      log.info("Operator {} ready in {} ms", name, took.toMillis());
    } catch (TestbedException e) {
      killQuietly();
      throw new TestbedException(
          "operator "
              + name
              + " "
              + e.getMessage()
              + "; last log lines of "
              + logFile
              + ":\n"
              + logTail(FAILURE_LOG_LINES));
    }
  }

  private void killQuietly() {
    Process current = process;
    if (current != null && current.isAlive()) {
      current.destroyForcibly();
      waitFor(current, CLOSE_GRACE);
    }
  }

  private static int awaitExit(Process process) {
    if (!waitFor(process, STOP_GRACE)) {
      throw new TestbedException("pid " + process.pid() + " survived SIGKILL");
    }
    return process.exitValue();
  }

  private static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
