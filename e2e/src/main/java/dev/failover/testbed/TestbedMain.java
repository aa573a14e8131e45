package dev.failover.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts and stops a named testbed from a shell script (the demo).
 *
 * <pre>
 *   testbed start --work DIR --dc hub --dc toronto   # foreground until SIGINT/SIGTERM or stop
 *   testbed stop  --work DIR
 *   testbed status --work DIR
 * </pre>
 *
 * {@code start} writes {@code DIR/testbed.env} (shell variables: kubeconfig paths, URLs) once every
 * data center is ready; a script waits for that file, then sources it.
 */
@Command(
    name = "testbed",
    mixinStandardHelpOptions = true,
    description =
        "Local data centers (kwokctl clusters on 127.0.0.1) for the failover demo and tests.",
    subcommands = {TestbedMain.Start.class, TestbedMain.Stop.class, TestbedMain.Status.class})
public final class TestbedMain {

  public static void main(String[] args) {
    System.exit(new CommandLine(new TestbedMain()).execute(args));
  }

  @Command(
      name = "start",
      description =
          "Start data centers in DIR and stay in the foreground; Ctrl-C, SIGTERM or `stop` ends"
              + " them.")
  static final class Start implements Callable<Integer> {
    @Option(names = "--work", required = true, description = "Work directory of the testbed.")
    Path work;

    @Option(
        names = "--dc",
        required = true,
        split = ",",
        description = "Data center name; repeat or separate with commas.")
    List<String> dataCenters;

    @Override
    public Integer call() throws InterruptedException {
      Testbed testbed = Testbed.startAt(work);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "testbed-main-exit"));
      try {
        for (String name : dataCenters) {
          testbed.startDataCenter(name);
        }
      } catch (RuntimeException e) {
        testbed.close();
        throw e;
      }
      writeAtomically(testbed.layout().envFile(), TestbedEnv.render(testbed));
      System.out.println(TestbedEnv.summary(testbed));
      System.out.flush();
      stopped.await();
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop the testbed in DIR and everything it started.")
  static final class Stop implements Callable<Integer> {
    @Option(names = "--work", required = true, description = "Work directory of the testbed.")
    Path work;

    @Option(
        names = "--timeout",
        defaultValue = "PT60S",
        description =
            "How long to let the testbed close itself (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
      TestbedLayout layout = new TestbedLayout(work);
      if (!Files.isDirectory(layout.dir())) {
        System.err.println("No testbed in " + layout.dir());
        return 1;
      }
      Optional<ProcessHandle> owner =
          StaleTestbeds.owner(layout)
              .filter(ProcessIdentity::isAlive)
              .flatMap(identity -> ProcessHandle.of(identity.pid()));
      if (owner.isPresent()) {
        owner.get().destroy();
        Instant deadline = Instant.now().plus(timeout);
        while (owner.get().isAlive() && Instant.now().isBefore(deadline)) {
          Sleep.of(Duration.ofMillis(100));
        }
        if (owner.get().isAlive()) {
          owner.get().destroyForcibly();
        }
      }
      // Whatever the owner left (or a dead owner's watchdog has not removed yet).
      new TestbedCleanup(layout, locateQuietly()).run();
      System.out.println("Testbed in " + layout.dir() + " stopped");
      return 0;
    }

    private static Optional<TestbedBinaries> locateQuietly() {
      try {
        return Optional.of(TestbedBinaries.locate());
      } catch (IllegalStateException e) {
        return Optional.empty();
      }
    }
  }

  @Command(name = "status", description = "Say whether the testbed in DIR runs, and print its env.")
  static final class Status implements Callable<Integer> {
    @Option(names = "--work", required = true, description = "Work directory of the testbed.")
    Path work;

    @Override
    public Integer call() throws IOException {
      TestbedLayout layout = new TestbedLayout(work);
      Optional<ProcessIdentity> owner =
          StaleTestbeds.owner(layout).filter(ProcessIdentity::isAlive);
      if (owner.isEmpty()) {
        System.out.println("Testbed in " + layout.dir() + " is not running");
        return 3;
      }
      System.out.printf(
          Locale.ROOT, "Testbed in %s runs (pid %d)%n", layout.dir(), owner.get().pid());
      if (Files.exists(layout.envFile())) {
        System.out.print(Files.readString(layout.envFile()));
      } else {
        System.out.println("(still starting)");
      }
      return 0;
    }
  }

  static void writeAtomically(Path file, String content) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, content);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
