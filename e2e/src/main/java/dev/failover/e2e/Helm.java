package dev.failover.e2e;

import dev.failover.testbed.Testbed;
import dev.failover.testbed.TestbedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The testbed's helm binary, run on the repository's charts. Its caches and settings stay inside
 * the testbed's work directory, never under the user's home.
 */
public final class Helm {
  public static final Path OPERATOR_CHART =
      RepositoryFiles.root().resolve("helm/failover-operator");
  public static final Path MEMBER_RBAC_CHART = OPERATOR_CHART.resolve("member-rbac");

  private static final long TIMEOUT_SECONDS = 60;

  private final Testbed testbed;

  public Helm(Testbed testbed) {
    this.testbed = testbed;
  }

  /** What helm printed and how it exited. */
  public record Result(int exitCode, String output) {}

  /** Runs helm with these arguments; a helm that does not finish in a minute is killed. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(testbed.binaries().binary("helm").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path home = testbed.workDir().resolve("helm-home");
    builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new TestbedException("helm " + List.of(args) + " did not finish:\n" + output);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run helm " + List.of(args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted while helm ran " + List.of(args));
    }
  }

  /**
   * {@code helm template}: the chart's objects as YAML; a failing render throws with helm's words.
   */
  public String template(Path chart, String release, String namespace, String... settings) {
    List<String> args = new ArrayList<>(List.of("template", release, chart.toString()));
    args.add("--namespace");
    args.add(namespace);
    args.addAll(List.of(settings));
    Result result = run(args.toArray(String[]::new));
    if (result.exitCode() != 0) {
      throw new TestbedException(
          "helm " + args + " failed (exit " + result.exitCode() + "):\n" + result.output());
    }
    return result.output();
  }
}
