package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the check after every IT and E2E class counts as left behind, and what it does not. */
@ExtendWith(SharedTestbedExtension.class)
class NoLeftoversExtensionIT {

  @Test
  void aNamespaceAddedToADataCenterIsALeftoverUntilItIsGone(Testbed testbed) {
    KubernetesClient toronto = testbed.dataCenter("toronto").client();
    NoLeftoversExtension.Baseline baseline = NoLeftoversExtension.Baseline.of(testbed);
    assertThat(NoLeftoversExtension.leftovers(testbed, baseline)).isEmpty();

    var namespace = toronto.namespaces().withName("left-behind");
    toronto
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("left-behind").endMetadata().build())
        .create();
    try {
      assertThat(NoLeftoversExtension.leftovers(testbed, baseline))
          .containsExactly("namespace left-behind in toronto");
    } finally {
      namespace.delete();
      namespace.waitUntilCondition(Objects::isNull, 2, TimeUnit.MINUTES);
    }

    assertThat(NoLeftoversExtension.leftovers(testbed, baseline)).isEmpty();
  }

  @Test
  void aProcessStartedBesideTheDataCentersIsALeftoverWhileItRuns(Testbed testbed) throws Exception {
    testbed.dataCenter("toronto");
    NoLeftoversExtension.Baseline baseline = NoLeftoversExtension.Baseline.of(testbed);
    Path dir = Files.createDirectories(testbed.layout().processDir("left-running"));
    Process process = new ProcessBuilder("sleep", "600").directory(dir.toFile()).start();
    try {
      assertThat(NoLeftoversExtension.leftovers(testbed, baseline))
          .singleElement()
          .asString()
          .startsWith("process " + process.pid() + ": ")
          .contains("sleep 600");
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(NoLeftoversExtension.leftovers(testbed, baseline)).isEmpty();
  }
}
