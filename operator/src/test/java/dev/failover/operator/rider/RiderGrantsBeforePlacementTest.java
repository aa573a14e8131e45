package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiderGrantsBeforePlacementTest {
  private final KubernetesClient hub = mock(KubernetesClient.class);
  private final List<String> reads = new ArrayList<>();

  private final FailoverPolicy policy =
      Serialization.unmarshal(
          """
          apiVersion: failover.dev/v1alpha1
          kind: FailoverPolicy
          metadata: {name: crm, namespace: shop}
          spec:
            riderRef: {kind: SaasRider, name: crm}
            placement: {primary: toronto}
          """,
          FailoverPolicy.class);

  private final GenericKubernetesResource ingress =
      Serialization.unmarshal(
          """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: web}
          """,
          GenericKubernetesResource.class);

  private static SaasRider rider(String deletionTimestamp) {
    SaasRider rider =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: SaasRider
            metadata: {name: crm, namespace: shop}
            spec:
              license: {maxApplications: 2, maxConcurrentUsersPerApplication: 10, maxRequestsPerUser: 5}
            """,
            SaasRider.class);
    rider.getMetadata().setDeletionTimestamp(deletionTimestamp);
    return rider;
  }

  private RiderReads holding(SaasRider rider) {
    return new RiderReads() {
      @Override
      public Optional<SaasRider> saas(String namespace, String name) {
        reads.add("SaasRider " + namespace + "/" + name);
        return Optional.ofNullable(rider);
      }

      @Override
      public Optional<PaasRider> paas(String namespace, String name) {
        reads.add("PaasRider " + namespace + "/" + name);
        return Optional.empty();
      }

      @Override
      public Optional<IaasRider> iaas(String namespace, String name) {
        reads.add("IaasRider " + namespace + "/" + name);
        return Optional.empty();
      }
    };
  }

  @Test
  void theWorkloadIsRenderedWithTheLimitsOfTheRiderTheReadsHoldAndTheHubIsNotAsked() {
    var placement = new RiderGrantsBeforePlacement(hub, holding(rider(null)));

    List<GenericKubernetesResource> rendered = placement.render(policy, List.of(ingress));

    assertThat(rendered.get(0).getMetadata().getAnnotations()).isNotEmpty();
    assertThat(Serialization.asYaml(rendered.get(0))).contains("\"10\"");
    assertThat(reads).containsExactly("SaasRider shop/crm");
    verifyNoInteractions(hub);
  }

  @Test
  void aRiderBeingDeletedRendersNothing() {
    var placement = new RiderGrantsBeforePlacement(hub, holding(rider("2026-12-02T00:00:00Z")));

    assertThat(placement.render(policy, List.of(ingress))).containsExactly(ingress);
  }

  @Test
  void aRiderTheReadsDoNotHoldRendersNothingAndBindsNothing() {
    var placement = new RiderGrantsBeforePlacement(hub, holding(null));
    KubernetesClient dataCenter = mock(KubernetesClient.class);

    assertThat(placement.render(policy, List.of(ingress))).containsExactly(ingress);
    placement.prepare(policy, dataCenter);

    verifyNoInteractions(hub, dataCenter);
    assertThat(reads).containsExactly("SaasRider shop/crm", "SaasRider shop/crm");
  }
}
