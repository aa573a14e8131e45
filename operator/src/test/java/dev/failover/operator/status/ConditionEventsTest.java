package dev.failover.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.saasrider.SaasRider;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.V1APIGroupDSL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ConditionEventsTest {
  @SuppressWarnings("unchecked")
  @Test
  void aWarningOfNoConditionIsAWarningEventOnTheObjectNamedByReasonAndOccurrence() {
    KubernetesClient hub = mock(KubernetesClient.class);
    V1APIGroupDSL v1 = mock(V1APIGroupDSL.class);
    MixedOperation<Event, EventList, Resource<Event>> all = mock(MixedOperation.class);
    NonNamespaceOperation<Event, EventList, Resource<Event>> inShop =
        mock(NonNamespaceOperation.class);
    ArgumentCaptor<Event> written = ArgumentCaptor.forClass(Event.class);
    when(hub.v1()).thenReturn(v1);
    when(v1.events()).thenReturn(all);
    when(all.inNamespace("shop")).thenReturn(inShop);
    when(inShop.resource(written.capture())).thenReturn(mock(Resource.class));
    ConditionEvents events =
        new ConditionEvents(
            hub, Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC));
    SaasRider rider = new SaasRider();
    rider.getMetadata().setName("crm");
    rider.getMetadata().setNamespace("shop");
    rider.getMetadata().setUid("uid-1");

    assertThat(
            events.warningOnce(
                rider, "SecurityAlert", "maxapplications.42", "SaasRider crm passed it"))
        .isTrue();

    Event event = written.getValue();
    assertThat(event.getMetadata().getName()).isEqualTo("crm.securityalert.maxapplications.42");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo("SecurityAlert");
    assertThat(event.getMessage()).isEqualTo("SaasRider crm passed it");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-1");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("SaasRider");
  }

  @SuppressWarnings("unchecked")
  @Test
  void anOccurrenceToldBeforeIsNotToldAgain() {
    KubernetesClient hub = mock(KubernetesClient.class);
    V1APIGroupDSL v1 = mock(V1APIGroupDSL.class);
    MixedOperation<Event, EventList, Resource<Event>> all = mock(MixedOperation.class);
    NonNamespaceOperation<Event, EventList, Resource<Event>> inShop =
        mock(NonNamespaceOperation.class);
    Resource<Event> existing = mock(Resource.class);
    when(hub.v1()).thenReturn(v1);
    when(v1.events()).thenReturn(all);
    when(all.inNamespace("shop")).thenReturn(inShop);
    when(inShop.resource(org.mockito.ArgumentMatchers.any(Event.class))).thenReturn(existing);
    when(existing.create())
        .thenThrow(
            new io.fabric8.kubernetes.client.KubernetesClientException(
                "already exists", 409, null));
    ConditionEvents events =
        new ConditionEvents(
            hub, Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneOffset.UTC));
    SaasRider rider = new SaasRider();
    rider.getMetadata().setName("crm");
    rider.getMetadata().setNamespace("shop");

    assertThat(events.warningOnce(rider, "SecurityAlert", "maxapplications.42", "again")).isFalse();
  }
}
