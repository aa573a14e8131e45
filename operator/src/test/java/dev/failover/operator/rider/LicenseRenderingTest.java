package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.UserLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LicenseRenderingTest {
  private static final UserLimits LIMITS =
      new UserLimits(OptionalInt.of(50), OptionalInt.of(120), Duration.ofMinutes(1));

  private static GenericKubernetesResource object(String yaml) {
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }

  @Test
  void everyContainerGetsTheLimitsAndTheLicenseWinsOverAVariableOfTheSameName() {
    GenericKubernetesResource deployment =
        object(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      env: [{name: FAILOVER_LICENSE_MAX_CONCURRENT_USERS, value: "999999"}, {name: KEEP, value: "1"}]
                    - name: sidecar
            """);

    GenericKubernetesResource rendered =
        LicenseRendering.render(List.of(deployment), LIMITS).get(0);

    String yaml = Serialization.asYaml(rendered);
    assertThat(yaml).doesNotContain("999999").contains("KEEP");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>)
            ((Map<String, Object>)
                    ((Map<String, Object>)
                            ((Map<String, Object>) rendered.getAdditionalProperties().get("spec"))
                                .get("template"))
                        .get("spec"))
                .get("containers");
    for (Map<String, Object> container : containers) {
      assertThat(container.get("env").toString())
          .contains("name=FAILOVER_LICENSE_MAX_CONCURRENT_USERS, value=50")
          .contains("name=FAILOVER_LICENSE_MAX_REQUESTS_PER_USER, value=120")
          .contains("name=FAILOVER_LICENSE_REQUEST_WINDOW_SECONDS, value=60");
    }
    // The manifest given is left as it was.
    assertThat(Serialization.asYaml(deployment)).contains("999999");
  }

  @Test
  void ingressesGetTheLimitAnnotationsBesideTheirOwnAndOtherKindsAreUntouched() {
    GenericKubernetesResource ingress =
        object(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, annotations: {team: billing}}
            """);
    GenericKubernetesResource configMap =
        object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");

    List<GenericKubernetesResource> rendered =
        LicenseRendering.render(List.of(ingress, configMap), LIMITS);

    assertThat(rendered.get(0).getMetadata().getAnnotations())
        .containsEntry("team", "billing")
        .containsEntry(UserLimits.LIMIT_CONNECTIONS, "50")
        .containsEntry(UserLimits.LIMIT_RPM, "120");
    assertThat(rendered.get(1)).isEqualTo(configMap);
  }

  @Test
  void noLimitsChangeNothing() {
    GenericKubernetesResource ingress =
        object("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n");
    assertThat(LicenseRendering.render(List.of(ingress), UserLimits.NONE)).containsExactly(ingress);
  }
}
