package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedTestbedExtension.class)
class GeneratedCrdsIT {
  /** The example files in examples/ when this was written: fewer means some went missing. */
  private static final int MINIMUM_EXAMPLES = 8;

  private static ChartAdmissionPolicies admissionPolicies;

  /** Users install the chart, so the examples must pass its admission policies too. */
  @BeforeAll
  static void installAdmissionPolicies(Testbed testbed) {
    admissionPolicies = ChartAdmissionPolicies.installIn(testbed, HubApi.installed(testbed));
  }

  @AfterAll
  static void removeAdmissionPolicies() {
    if (admissionPolicies != null) {
      admissionPolicies.close();
    }
  }

  /** The examples (and the CRM policy stored here) must not wait for a later class's operator. */
  @AfterAll
  static void removeTheExamples(Testbed testbed) {
    HubApi.removeExamples(testbed);
  }

  @Test
  void everyGeneratedCrdIsEstablishedWithItsStatusSubresource(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    List<CustomResourceDefinition> crds =
        hub.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .filter(crd -> crd.getSpec().getGroup().equals("failover.dev"))
            .toList();
    assertThat(crds)
        .extracting(crd -> crd.getSpec().getNames().getKind())
        .containsExactlyInAnyOrder(
            "DataCenter",
            "SaasRider",
            "PaasRider",
            "IaasRider",
            "FailoverPolicy",
            "ChaosRestoreTest",
            "NotificationChannel",
            "Notification");
    assertThat(crds)
        .allSatisfy(
            crd ->
                assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus())
                    .as("status subresource of %s", crd.getMetadata().getName())
                    .isNotNull());
  }

  /** With the chart's admission policies installed (see the class comment). */
  @TestFactory
  Stream<DynamicTest> everyExampleIsAcceptedByTheApiServer(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    List<Path> examples = RepositoryFiles.yamlFiles("examples");
    assertThat(examples).hasSizeGreaterThanOrEqualTo(MINIMUM_EXAMPLES);
    return examples.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> applyAndReadBack(hub, file)));
  }

  @Test
  void kubectlExplainDescribesTheFields(Testbed testbed) throws Exception {
    HubApi.installed(testbed);
    String explained =
        kubectl(
            testbed,
            "explain",
            "failoverpolicies.spec.placement",
            "--api-version=failover.dev/v1alpha1");
    assertThat(explained).contains("FIELDS:").contains("primary").contains("secondaries");
    assertThat(explained.lines().filter(line -> line.startsWith("    ")).count())
        .as("description lines in:%n%s", explained)
        .isGreaterThan(2);
  }

  private static void applyAndReadBack(KubernetesClient hub, Path file) {
    List<GenericKubernetesResource> documents = RepositoryFiles.documents(file);
    assertThat(documents).as("documents in %s", file).isNotEmpty();
    for (GenericKubernetesResource document : documents) {
      GenericKubernetesResource stored = HubApi.apply(hub, document);
      assertThat(stored.getMetadata().getUid()).isNotBlank();
      assertThat(stored.getKind()).isEqualTo(document.getKind());
    }
  }

  private static String kubectl(Testbed testbed, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        Stream.concat(
                Stream.of(
                    testbed.binaries().kubectl().toString(),
                    "--kubeconfig",
                    testbed.dataCenter("hub").kubeconfig().toString()),
                Stream.of(args))
            .toList();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl %s:%n%s", List.of(args), output).isZero();
    return output;
  }
}
