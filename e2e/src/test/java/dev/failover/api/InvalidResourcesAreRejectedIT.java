package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every file of the invalid-resource corpus ({@code e2e/src/test/resources/invalid}, one bad
 * resource each, its first line {@code # expect: <text>}) is rejected by a real API server, with
 * the CRDs and the chart's admission policies installed, with a message that contains the expected
 * text, which names the offending field.
 */
@ExtendWith(SharedTestbedExtension.class)
class InvalidResourcesAreRejectedIT {

  /** The examples (and the CRM policy stored here) must not wait for a later class's operator. */
  @AfterAll
  static void removeTheExamples(Testbed testbed) {
    HubApi.removeExamples(testbed);
  }

  private static final String EXPECT = "# expect:";
  private static ChartAdmissionPolicies admissionPolicies;

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

  @TestFactory
  Stream<DynamicTest> everyInvalidResourceIsRejectedWithAMessageNamingTheField(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    List<Path> corpus = RepositoryFiles.yamlFiles("e2e/src/test/resources/invalid");
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(130);
    return corpus.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> assertRejected(hub, file)));
  }

  @Test
  void anInvalidUpdateIsRejectedAndTheStoredResourceIsUnchanged(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    GenericKubernetesResource policy =
        RepositoryFiles.documents(RepositoryFiles.root().resolve("examples/saas-crm.yaml")).stream()
            .filter(document -> document.getKind().equals("FailoverPolicy"))
            .findFirst()
            .orElseThrow();
    GenericKubernetesResource stored = HubApi.apply(hub, policy);

    GenericKubernetesResource broken = HubApi.apply(hub, policy);
    @SuppressWarnings("unchecked")
    Map<String, Object> objectives =
        (Map<String, Object>)
            ((Map<String, Object>) broken.getAdditionalProperties().get("spec")).get("objectives");
    objectives.put("slaPercent", 42);
    broken.getMetadata().setManagedFields(null);

    assertThatThrownBy(() -> hub.resource(broken).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.objectives");
    GenericKubernetesResource after = hub.resource(policy).get();
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(stored.getMetadata().getResourceVersion());
    assertThat(after.getAdditionalProperties().get("spec"))
        .isEqualTo(stored.getAdditionalProperties().get("spec"));
  }

  private static void assertRejected(KubernetesClient hub, Path file) {
    String expected = expectedMessage(file);
    List<GenericKubernetesResource> documents = RepositoryFiles.documents(file);
    assertThat(documents).as("one resource in %s", file).hasSize(1);
    KubernetesClientException rejection =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> hub.resource(documents.get(0)).dryRun().create());
    assertThat(rejection).as("%s must be rejected", file.getFileName()).isNotNull();
    assertThat(rejection.getCode()).as("HTTP status for %s", file.getFileName()).isEqualTo(422);
    assertThat(rejection.getMessage()).contains(expected);
  }

  private static String expectedMessage(Path file) {
    String firstLine = RepositoryFiles.read(file).lines().findFirst().orElse("");
    assertThat(firstLine).as("first line of %s", file).startsWith(EXPECT);
    String expected = firstLine.substring(EXPECT.length()).trim();
    assertThat(expected).as("expected message in %s", file).isNotEmpty();
    return expected;
  }
}
