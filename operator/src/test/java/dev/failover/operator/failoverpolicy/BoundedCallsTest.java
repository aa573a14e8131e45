package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.impl.BaseClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedCallsTest {

  @Test
  void aCallWaitsAsLongAsTheProberToleratesSilence() {
    DataCenter fast = Policies.dataCenter("toronto", "10.0.0.1");
    ProbeSpec probe = new ProbeSpec();
    probe.setTimeout("500ms");
    probe.setFailureThreshold(3);
    fast.getSpec().setProbe(probe);

    assertThat(BoundedCalls.timeout(fast)).isEqualTo(Duration.ofMillis(1500));
    assertThat(BoundedCalls.timeout(Policies.dataCenter("chicago", "10.0.0.2")))
        .as("the schema's defaults: 1s timeout, 3 failures")
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void theBoundedClientNeitherWaitsTheClientDefaultNorRetries() {
    Config config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build();
    config.setRequestTimeout(10_000);
    config.setRequestRetryBackoffLimit(10);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      KubernetesClient bounded =
          BoundedCalls.to(client, Policies.dataCenter("toronto", "10.0.0.1"));

      // Every operation of the bounded client is built from this context.
      RequestConfig perCall = ((BaseClient) bounded).getOperationContext().getRequestConfig();
      assertThat(perCall.getRequestTimeout()).isEqualTo(3000);
      assertThat(perCall.getRequestRetryBackoffLimit()).isZero();
      assertThat(client.getConfiguration().getRequestTimeout()).isEqualTo(10_000);
    }
  }
}
