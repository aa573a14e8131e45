package dev.failover.operator.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.core.capacity.PodRequests;
import dev.failover.core.capacity.Resources;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page of pods read for capacity keeps every field capacity needs, and nothing else. */
class CapacityPodFieldsTest {
  private static final String PAGE =
      """
      {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"next-7"},
       "items":[
        {"metadata":{"name":"web-1","namespace":"shop","labels":{"app":"web"},
           "managedFields":[{"manager":"kube-controller-manager","fieldsV1":{"f:spec":{}}}]},
         "spec":{"nodeName":"n1",
           "initContainers":[
             {"name":"proxy","image":"envoy","restartPolicy":"Always",
              "resources":{"requests":{"cpu":"100m","memory":"64Mi"}}},
             {"name":"migrate","image":"tool","resources":{"limits":{"cpu":"2","memory":"1Gi"}}}],
           "containers":[
             {"name":"web","image":"nginx","env":[{"name":"A","value":"b"}],
              "resources":{"requests":{"cpu":"250m"},"limits":{"cpu":"1","memory":"256Mi"}}},
             {"name":"log","image":"fluent"}],
           "overhead":{"cpu":"10m"},
           "volumes":[{"name":"data","emptyDir":{}}]},
         "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
           "containerStatuses":[{"name":"web","ready":true,"restartCount":0}]}},
        {"metadata":{"name":"pending"},"spec":{"containers":[{"name":"c",
           "resources":{"requests":{"cpu":"1"}}}]},"status":{"phase":"Pending"}},
        {"metadata":{"name":"pod-level"},"spec":{"nodeName":"n2",
           "resources":{"requests":{"memory":"2Gi"}},
           "containers":[{"name":"c","resources":{"requests":{"cpu":"300m","memory":"1Gi"}}}]},
         "status":{"phase":"Succeeded"}}
       ]}
      """;

  private static PodList parse(String json) {
    return CapacityPodFields.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void asksTheSameAsTheWholePods() {
    PodList whole = Serialization.unmarshal(PAGE, PodList.class);
    PodList kept = parse(PAGE);

    assertThat(kept.getItems()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Pod full = whole.getItems().get(i);
      Pod slim = kept.getItems().get(i);
      assertThat(PodRequests.of(slim.getSpec())).isEqualTo(PodRequests.of(full.getSpec()));
      assertThat(slim.getSpec().getNodeName()).isEqualTo(full.getSpec().getNodeName());
      assertThat(slim.getStatus().getPhase()).isEqualTo(full.getStatus().getPhase());
    }
    // The sidecar and the larger init container count, as the scheduler counts them.
    assertThat(PodRequests.of(kept.getItems().get(0).getSpec()))
        .isEqualTo(new Resources(2110, 1024L * 1024 * 1024 + 64L * 1024 * 1024));
    assertThat(kept.getMetadata().getContinue()).isEqualTo("next-7");
  }

  @Test
  void leavesEverythingElseOut() {
    Pod slim = parse(PAGE).getItems().get(0);

    assertThat(slim.getMetadata()).isNull();
    assertThat(slim.getSpec().getVolumes()).isEmpty();
    assertThat(slim.getSpec().getContainers().get(0).getEnv()).isEmpty();
    assertThat(slim.getSpec().getContainers().get(0).getImage()).isNull();
    assertThat(slim.getStatus().getConditions()).isEmpty();
    assertThat(slim.getStatus().getContainerStatuses()).isEmpty();
  }

  @Test
  void anEmptyPageHasNoPods() {
    assertThat(parse("{\"kind\":\"PodList\",\"metadata\":{},\"items\":[]}").getItems()).isEmpty();
    assertThat(parse("{}").getItems()).isEmpty();
  }

  @Test
  void somethingThatIsNotJsonIsAnError() {
    assertThatThrownBy(() -> parse("<html>proxy error</html>"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read a page of pods");
  }
}
