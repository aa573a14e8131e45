package dev.failover.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Helm chart lints, renders, and every object it renders is accepted by a real API server. */
@ExtendWith(SharedTestbedExtension.class)
class HelmChartIT {
  private static final Path CHART = RepositoryFiles.root().resolve("helm/failover-operator");

  @Test
  void chartLintsCleanly(Testbed testbed) throws Exception {
    String output = helm(testbed, "lint", "--strict", CHART.toString());
    assertThat(output).contains("0 chart(s) failed");
  }

  @Test
  void renderedChartIsAcceptedByTheApiServer(Testbed testbed) throws Exception {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    for (String namespace : List.of("failover-system")) {
      hub.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .serverSideApply();
    }
    String rendered =
        helm(
            testbed,
            "template",
            "failover-operator",
            CHART.toString(),
            "--namespace",
            "failover-system",
            "--include-crds");
    List<HasMetadata> objects =
        hub.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items();
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains(
            "CustomResourceDefinition",
            "ServiceAccount",
            "ClusterRole",
            "Role",
            "Deployment",
            "Service");
    for (HasMetadata object : objects) {
      // Server-side apply works whether or not another test already installed the CRDs.
      HasMetadata accepted =
          hub.resource(object)
              .dryRun()
              .fieldManager("failover-e2e")
              .forceConflicts()
              .serverSideApply();
      assertThat(accepted.getKind()).isEqualTo(object.getKind());
    }
  }

  @Test
  void valuesSchemaRejectsAnInvalidValue(Testbed testbed) throws Exception {
    Process process =
        helmProcess(testbed, "template", "x", CHART.toString(), "--set", "replicaCount=0");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(output).contains("replicaCount");
  }

  private static String helm(Testbed testbed, String... args)
      throws IOException, InterruptedException {
    Process process = helmProcess(testbed, args);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("helm %s:%n%s", List.of(args), output).isZero();
    return output;
  }

  private static Process helmProcess(Testbed testbed, String... args) throws IOException {
    List<String> command =
        Stream.concat(Stream.of(testbed.binaries().binary("helm").toString()), Stream.of(args))
            .toList();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // helm keeps caches and config under HOME; keep them inside the testbed's work directory.
    Path home = testbed.workDir().resolve("helm-home");
    builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
    return builder.start();
  }
}
