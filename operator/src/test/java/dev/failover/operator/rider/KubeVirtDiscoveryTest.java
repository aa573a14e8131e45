package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KubeVirtDiscoveryTest {
  private static final String GROUP_VERSION = "kubevirt.io/v1";
  private final MutableClock clock = new MutableClock();
  private final KubeVirtDiscovery discovery = new KubeVirtDiscovery(clock);
  private final KubernetesClient client = mock(KubernetesClient.class);

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private void serves(String... resources) {
    var list = new APIResourceListBuilder().withGroupVersion(GROUP_VERSION);
    for (String name : resources) {
      list.addToResources(new APIResourceBuilder().withName(name).withNamespaced(true).build());
    }
    when(client.getApiResources(GROUP_VERSION)).thenReturn(list.build());
  }

  @Test
  void aDataCenterListingVirtualMachinesServesThemAndIsAskedOnceAMinute() {
    serves("virtualmachines", "virtualmachineinstances");

    assertThat(discovery.served("toronto", client)).isTrue();
    clock.now = clock.now.plus(Duration.ofSeconds(59));
    assertThat(discovery.served("toronto", client)).isTrue();
    verify(client, times(1)).getApiResources(GROUP_VERSION);

    clock.now = clock.now.plus(Duration.ofSeconds(1));
    assertThat(discovery.served("toronto", client)).isTrue();
    verify(client, times(2)).getApiResources(GROUP_VERSION);
  }

  @Test
  void noGroupVersionOrOnlyOtherResourcesIsNotServed() {
    when(client.getApiResources(GROUP_VERSION)).thenReturn(null);
    assertThat(discovery.served("washington", client)).isFalse();

    serves("virtualmachineinstances");
    assertThat(discovery.served("chicago", client)).isFalse();
  }

  @Test
  void a404IsNotServedAndOtherFailuresAreNotAnAnswer() {
    when(client.getApiResources(GROUP_VERSION))
        .thenThrow(new KubernetesClientException("not found", 404, null));
    assertThat(discovery.served("washington", client)).isFalse();

    KubernetesClient failing = mock(KubernetesClient.class);
    when(failing.getApiResources(GROUP_VERSION))
        .thenThrow(new KubernetesClientException("unavailable", 503, null));
    assertThatThrownBy(() -> discovery.served("chicago", failing))
        .isInstanceOf(KubernetesClientException.class);
  }

  @Test
  void aForgottenAnswerIsAskedAgainAtOnce() {
    when(client.getApiResources(GROUP_VERSION)).thenReturn(null);
    assertThat(discovery.served("toronto", client)).isFalse();

    serves("virtualmachines");
    discovery.forget("toronto");

    assertThat(discovery.served("toronto", client)).isTrue();
  }
}
