package dev.failover.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The directory of Go-built binaries the testbed runs (kube-apiserver, etcd, kwokctl, ...).
 *
 * <p>Looked up in order: system property {@value #PROPERTY}, environment variable {@value
 * #ENVIRONMENT}, then {@code ~/.cache/failover-operator/testbed/bin}. A missing binary is an error
 * that tells the user how to build them; tests never skip because of it.
 *
 * <p>Third-party CRDs the tests install (external-dns's DNSEndpoint) are fetched by the same script
 * into {@code crds/} beside the binaries directory.
 */
public final class TestbedBinaries {
  public static final String PROPERTY = "testbed.bin";
  public static final String ENVIRONMENT = "FAILOVER_TESTBED_BIN";
  static final List<String> REQUIRED =
      List.of(
          "kube-apiserver",
          "kube-controller-manager",
          "kube-scheduler",
          "kubectl",
          "etcd",
          "kwok",
          "kwokctl",
          "toxiproxy-server");

  private final Path dir;

  private TestbedBinaries(Path dir) {
    this.dir = dir;
  }

  /** Finds the binaries directory and checks that every binary the testbed needs is there. */
  public static TestbedBinaries locate() {
    return locate(System.getProperties(), System.getenv());
  }

  static TestbedBinaries locate(Properties properties, Map<String, String> environment) {
    TestbedBinaries binaries = new TestbedBinaries(directory(properties, environment));
    binaries.requirePresent();
    return binaries;
  }

  static Path directory(Properties properties, Map<String, String> environment) {
    String fromProperty = properties.getProperty(PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Path.of(fromProperty);
    }
    String fromEnvironment = environment.get(ENVIRONMENT);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Path.of(properties.getProperty("user.home"), ".cache/failover-operator/testbed/bin");
  }

  private void requirePresent() {
    List<String> missing =
        REQUIRED.stream().filter(name -> !Files.isExecutable(dir.resolve(name))).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The testbed binaries "
              + missing
              + " are missing from "
              + dir
              + ". Build them once with e2e/scripts/testbed-binaries.sh (about 10 minutes on 2"
              + " cores; cached afterwards), or point -D"
              + PROPERTY
              + " or $"
              + ENVIRONMENT
              + " at a directory that has them.");
    }
  }

  public Path dir() {
    return dir;
  }

  public Path binary(String name) {
    return dir.resolve(name);
  }

  public Path kwokctl() {
    return binary("kwokctl");
  }

  public Path toxiproxyServer() {
    return binary("toxiproxy-server");
  }

  public Path kubectl() {
    return binary("kubectl");
  }

  /**
   * metrics-server, for data centers that serve the metrics API. Checked here, not in {@link
   * #locate()}, so a cache built before the script built it fails only the tests that need it.
   */
  public Path metricsServer() {
    Path binary = binary("metrics-server");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "metrics-server is missing from "
              + dir
              + ". Build it with e2e/scripts/testbed-binaries.sh (up to about 10 minutes on 2"
              + " cores; it skips the binaries already built).");
    }
    return binary;
  }

  /**
   * The DNSEndpoint CRD as external-dns publishes it. Checked here, not in {@link #locate()}, so a
   * cache built before the script fetched it fails only the tests that need it.
   */
  public Path externalDnsCrd() {
    Path crd = dir.resolveSibling("crds").resolve("dnsendpoints.yaml");
    if (!Files.isReadable(crd)) {
      throw new IllegalStateException(
          "The external-dns DNSEndpoint CRD is missing: no "
              + crd
              + ". Fetch it with e2e/scripts/testbed-binaries.sh (seconds; it skips the binaries"
              + " already built).");
    }
    return crd;
  }

  /**
   * The Kubernetes version the binaries were built as, e.g. {@code v1.36.3}: what {@code
   * kube-apiserver --version} reports, so the build script stays the one place that names it.
   */
  public String kubernetesVersion() {
    Path apiServer = binary("kube-apiserver");
    try {
      Process process =
          new ProcessBuilder(apiServer.toString(), "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).trim();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(apiServer + " --version failed: " + output);
      }
      // "Kubernetes v1.36.3"
      return output.substring(output.lastIndexOf(' ') + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + apiServer + " --version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking " + apiServer + " its version", e);
    }
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
