package dev.failover.testbed;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails an {@code *IT} or {@code *E2E} class that leaves the shared testbed other than it found it:
 * a process it started still running (an operator, say), a namespace still in a data center or the
 * hub, a FailoverPolicy still in the hub. One testbed serves every class in the JVM, so a leftover
 * would otherwise break a later class, far from its cause.
 *
 * <p>Registered for every test class by JUnit's extension auto-detection ({@code
 * META-INF/services}, enabled in {@code junit-platform.properties}); it checks only IT and E2E
 * classes, and only once the shared testbed runs. Things being deleted get {@link #GRACE} to go.
 */
public final class NoLeftoversExtension implements BeforeAllCallback, AfterAllCallback {
  static final Duration GRACE = Duration.ofSeconds(60);

  /** What every data center has from the start, and what a FailoverWorld keeps for the next. */
  static final Set<String> STANDING_NAMESPACES =
      Set.of(
          "default",
          "kube-system",
          "kube-public",
          "kube-node-lease",
          "failover-system",
          "failover-backups");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NoLeftoversExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!checks(context)) {
      return;
    }
    Baseline baseline =
        SharedTestbedExtension.started(context).map(Baseline::of).orElse(Baseline.EMPTY);
    context.getStore(NAMESPACE).put(Baseline.class, baseline);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!checks(context)) {
      return;
    }
    Optional<Testbed> testbed = SharedTestbedExtension.started(context);
    if (testbed.isEmpty()) {
      return;
    }
    Baseline baseline = context.getStore(NAMESPACE).get(Baseline.class, Baseline.class);
    Instant deadline = Instant.now().plus(GRACE);
    List<String> leftovers = leftovers(testbed.get(), baseline);
    while (!leftovers.isEmpty() && Instant.now().isBefore(deadline)) {
      Sleep.of(Duration.ofMillis(500));
      leftovers = leftovers(testbed.get(), baseline);
    }
    if (!leftovers.isEmpty()) {
      throw new AssertionError(
          context.getRequiredTestClass().getSimpleName()
              + " left the shared testbed with (still there "
              + GRACE.toSeconds()
              + " s after the class):\n  "
              + String.join("\n  ", leftovers));
    }
  }

  private static boolean checks(ExtensionContext context) {
    String name = context.getRequiredTestClass().getSimpleName();
    return name.endsWith("IT") || name.endsWith("E2E");
  }

  static List<String> leftovers(Testbed testbed, Baseline baseline) {
    List<String> leftovers = new ArrayList<>();
    for (ProcessHandle process : startedProcesses(testbed.layout())) {
      if (!baseline.processes().contains(process.pid())) {
        leftovers.add("process " + process.pid() + ": " + describe(process));
      }
    }
    for (DataCenterCluster dataCenter : testbed.dataCenters()) {
      if (baseline.unanswered().contains(dataCenter.name())) {
        continue;
      }
      Set<String> before = baseline.namespaces().getOrDefault(dataCenter.name(), Set.of());
      try {
        KubernetesClient client = dataCenter.client();
        client.namespaces().list().getItems().stream()
            .map(namespace -> namespace.getMetadata().getName())
            .filter(name -> !STANDING_NAMESPACES.contains(name) && !before.contains(name))
            .forEach(name -> leftovers.add("namespace " + name + " in " + dataCenter.name()));
        Set<String> policiesBefore = baseline.policies().getOrDefault(dataCenter.name(), Set.of());
        policiesIn(client).stream()
            .filter(policy -> !policiesBefore.contains(policy))
            .forEach(
                policy -> leftovers.add("FailoverPolicy " + policy + " in " + dataCenter.name()));
      } catch (KubernetesClientException e) {
        leftovers.add(dataCenter.name() + " does not answer: " + e.getMessage());
      }
    }
    return leftovers;
  }

  /**
   * Processes working in the testbed's {@link TestbedLayout#processDir process directories}: what
   * tests start beside the data centers (the operator under test), never the data centers' servers.
   */
  private static List<ProcessHandle> startedProcesses(TestbedLayout layout) {
    Path processes = layout.processDir("any").getParent();
    return TestbedCleanup.processesUnder(processes).stream()
        .filter(ProcessHandle::isAlive)
        .toList();
  }

  private static String describe(ProcessHandle process) {
    return process.info().commandLine().orElse("(command line unknown)")
        + " in "
        + TestbedCleanup.workingDirectory(process.pid()).map(Path::toString).orElse("?");
  }

  /** namespace/name of every FailoverPolicy; none where the failover.dev CRDs are not installed. */
  private static Set<String> policiesIn(KubernetesClient client) {
    try {
      return client.resources(FailoverPolicy.class).inAnyNamespace().list().getItems().stream()
          .map(NoLeftoversExtension::key)
          .collect(Collectors.toSet());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Set.of();
      }
      throw e;
    }
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  /**
   * What the testbed held before the class: a class answers only for what it added. A data center
   * started during the class starts from {@link #STANDING_NAMESPACES} and no policies.
   */
  record Baseline(
      Set<Long> processes,
      Map<String, Set<String>> namespaces,
      Map<String, Set<String>> policies,
      Set<String> unanswered) {
    static final Baseline EMPTY = new Baseline(Set.of(), Map.of(), Map.of(), Set.of());

    static Baseline of(Testbed testbed) {
      Set<Long> processes = new HashSet<>();
      startedProcesses(testbed.layout()).forEach(process -> processes.add(process.pid()));
      Map<String, Set<String>> namespaces = new HashMap<>();
      Map<String, Set<String>> policies = new HashMap<>();
      Set<String> unanswered = new HashSet<>();
      for (DataCenterCluster dataCenter : testbed.dataCenters()) {
        try {
          KubernetesClient client = dataCenter.client();
          namespaces.put(
              dataCenter.name(),
              client.namespaces().list().getItems().stream()
                  .map(namespace -> namespace.getMetadata().getName())
                  .collect(Collectors.toSet()));
          policies.put(dataCenter.name(), policiesIn(client));
        } catch (KubernetesClientException e) {
          // Down before the class (an earlier class's leftover, reported there): this class
          // answers for nothing in it.
          unanswered.add(dataCenter.name());
        }
      }
      return new Baseline(
          Set.copyOf(processes),
          Map.copyOf(namespaces),
          Map.copyOf(policies),
          Set.copyOf(unanswered));
    }
  }
}
