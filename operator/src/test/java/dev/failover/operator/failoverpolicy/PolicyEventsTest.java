package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class PolicyEventsTest {
  private final KubernetesClient hub = mock(KubernetesClient.class);
  private final PolicyEvents events = new PolicyEvents(hub, Clock.systemUTC());
  private final FailoverPolicy policy = Policies.crm();

  @Test
  void anEventThatExistsAlreadyWasEmittedByARetriedDecision() {
    when(hub.v1())
        .thenThrow(
            new KubernetesClientException(
                new StatusBuilder().withCode(409).withReason("AlreadyExists").build()));

    assertThat(events.emit(policy, "crm.7.failoverstarted", "FailoverStarted", "m", true)).isTrue();
  }

  @Test
  void anEventTheHubRefusesIsLoggedAndTheFailoverGoesOn() {
    when(hub.v1())
        .thenThrow(
            new KubernetesClientException(
                new StatusBuilder().withCode(403).withMessage("forbidden").build()));

    assertThat(events.emit(policy, "crm.7.failoverstarted", "FailoverStarted", "m", true))
        .isFalse();
  }

  @Test
  void namesAreValidAndDeterministic() {
    FailoverPolicy persisted = Policies.crm();
    persisted.getMetadata().setResourceVersion("815");
    persisted.getMetadata().setName("p".repeat(253));

    String name = PolicyEvents.name(persisted, "FailoverCompleted", 2);

    assertThat(name).hasSize(253).endsWith(".815.failovercompleted-2").matches("[a-z0-9.-]+");
    assertThat(PolicyEvents.name(persisted, "FailoverCompleted", 2)).isEqualTo(name);
  }
}
