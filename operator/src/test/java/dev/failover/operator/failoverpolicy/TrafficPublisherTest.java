package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficPublisherTest {
  private final GenericKubernetesResource toronto =
      DnsEndpointRecord.pointingAt(Policies.crm(), Policies.dataCenter("toronto", "192.0.2.10"));

  @Test
  void aHubWithoutTheDnsEndpointKindIsRefusedWithWhatToInstall() {
    KubernetesClient hub = mock(KubernetesClient.class);
    when(hub.supports(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)).thenReturn(false);

    assertThatThrownBy(() -> TrafficPublisher.requireServedBy(hub))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not serve DNSEndpoint (externaldns.k8s.io/v1alpha1)")
        .hasMessageContaining("dnsendpoints.externaldns.k8s.io");
  }

  @Test
  void aHubServingTheKindIsAccepted() {
    KubernetesClient hub = mock(KubernetesClient.class);
    when(hub.supports(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)).thenReturn(true);

    TrafficPublisher.requireServedBy(hub);
  }

  @Test
  void aNewResourceVersionOrManagedFieldsAloneIsTheSameContent() {
    GenericKubernetesResource later = Serialization.clone(toronto);
    later.getMetadata().setResourceVersion("42");
    later.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));

    assertThat(TrafficPublisher.sameContent(toronto, later)).isTrue();
  }

  @Test
  void anotherTargetIsOtherContent() {
    GenericKubernetesResource chicago =
        DnsEndpointRecord.pointingAt(Policies.crm(), Policies.dataCenter("chicago", "192.0.2.20"));

    assertThat(TrafficPublisher.sameContent(toronto, chicago)).isFalse();
  }

  @Test
  void aSpecEditedByHandIsOtherContent() {
    GenericKubernetesResource edited = Serialization.clone(toronto);
    edited.getAdditionalProperties().put("spec", Map.of("endpoints", List.of()));

    assertThat(TrafficPublisher.sameContent(toronto, edited)).isFalse();
  }

  @Test
  void aLabelOrAnnotationRemovedByHandIsOtherContent() {
    GenericKubernetesResource unlabelled = Serialization.clone(toronto);
    unlabelled.getMetadata().setLabels(Map.of());
    GenericKubernetesResource unannotated = Serialization.clone(toronto);
    unannotated.getMetadata().setAnnotations(null);

    assertThat(TrafficPublisher.sameContent(toronto, unlabelled)).isFalse();
    assertThat(TrafficPublisher.sameContent(toronto, unannotated)).isFalse();
  }
}
