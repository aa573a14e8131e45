package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.e2e.ServerSideApply;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Helm chart's ValidatingAdmissionPolicies and their bindings, rendered with the testbed's helm
 * (release {@value #RELEASE} in {@value #RELEASE_NAMESPACE}, default values) and installed into the
 * hub for one test class. The API server enforces a new policy only once its informers have seen
 * it, so {@link #installIn} returns when a known-bad resource is refused; {@link #close} removes
 * what it installed and returns when the same resource is admitted again, leaving the shared hub as
 * it was.
 */
final class ChartAdmissionPolicies implements AutoCloseable {
  static final String RELEASE = "failover-operator";
  static final String RELEASE_NAMESPACE = "failover-system";
  private static final Path CHART = RepositoryFiles.root().resolve("helm/failover-operator");
  private static final Duration ENFORCEMENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  /** Refused by the workload policy only: its manifest names another namespace. */
  private static final String PROBE =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata: {name: admission-probe, namespace: default}
      spec:
        riderRef: {kind: SaasRider, name: crm}
        workload:
          manifests:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: probe, namespace: kube-system}}
        placement: {primary: toronto, secondaries: [chicago]}
      """;

  /** Refused by the rider policy only: it grants in the operator's namespace. */
  private static final String RIDER_PROBE =
      """
      apiVersion: failover.dev/v1alpha1
      kind: SaasRider
      metadata: {name: admission-probe, namespace: default}
      spec:
        userControl: {namespaces: [failover-system]}
        license:
          maxApplications: 1
          maxConcurrentUsersPerApplication: 1
          maxRequestsPerUser: 1
          allowedApplicationTypes: [CRM]
      """;

  private final KubernetesClient hub;
  private final List<GenericKubernetesResource> installed;

  private ChartAdmissionPolicies(KubernetesClient hub, List<GenericKubernetesResource> installed) {
    this.hub = hub;
    this.installed = installed;
  }

  /**
   * Renders (with helm {@code --set} values such as {@code admission.allowedClusterScopedKinds=
   * {Namespace}}), applies and waits until both policies are enforced.
   */
  static ChartAdmissionPolicies installIn(Testbed testbed, KubernetesClient hub, String... values) {
    List<GenericKubernetesResource> rendered = RepositoryFiles.documents(render(testbed, values));
    assertThat(rendered)
        .extracting(GenericKubernetesResource::getKind)
        .containsExactlyInAnyOrder(
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            // The application limits of SaaS and PaaS riders; RiderApplicationLimitsIT proves them.
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding");
    rendered.forEach(object -> ServerSideApply.apply(hub, object));
    ChartAdmissionPolicies policies = new ChartAdmissionPolicies(hub, rendered);
    try {
      policies.awaitEnforced(true);
    } catch (RuntimeException | AssertionError e) {
      // @AfterAll never sees a policy set that failed to install: remove it here.
      rendered.forEach(object -> hub.resource(object).delete());
      throw e;
    }
    return policies;
  }

  @Override
  public void close() {
    for (GenericKubernetesResource object : installed) {
      hub.resource(object).delete();
    }
    awaitEnforced(false);
  }

  private void awaitEnforced(boolean enforced) {
    long deadline = System.nanoTime() + ENFORCEMENT_TIMEOUT.toNanos();
    while (refused(PROBE) != enforced || refused(RIDER_PROBE) != enforced) {
      assertThat(System.nanoTime())
          .as(
              "admission policies %s within %s",
              enforced ? "enforced" : "gone", ENFORCEMENT_TIMEOUT)
          .isLessThan(deadline);
      Sleep.of(POLL);
    }
  }

  /** Whether the API server refuses the resource on a dry-run create. */
  private boolean refused(String yaml) {
    GenericKubernetesResource probe = RepositoryFiles.documents(yaml).get(0);
    try {
      hub.resource(probe).dryRun().create();
      return false;
    } catch (KubernetesClientException e) {
      assertThat(e.getMessage())
          .as("the probe is valid but for what an admission policy refuses")
          .contains("ValidatingAdmissionPolicy");
      return true;
    }
  }

  private static String render(Testbed testbed, String... values) {
    List<String> command =
        Stream.concat(
                Stream.of(
                    testbed.binaries().binary("helm").toString(),
                    "template",
                    RELEASE,
                    CHART.toString(),
                    "--namespace",
                    RELEASE_NAMESPACE,
                    "--show-only",
                    "templates/admission-policies.yaml"),
                Stream.of(values).flatMap(value -> Stream.of("--set", value)))
            .toList();
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      // helm keeps caches and config under HOME; keep them inside the testbed's work directory.
      Path home = testbed.workDir().resolve("helm-home");
      Stream.of("CACHE", "CONFIG", "DATA")
          .forEach(
              kind ->
                  builder
                      .environment()
                      .put("HELM_" + kind + "_HOME", home.resolve(kind.toLowerCase()).toString()));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("helm %s:%n%s", command, output).isZero();
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
