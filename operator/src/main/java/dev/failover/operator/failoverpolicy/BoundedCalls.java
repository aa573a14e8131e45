package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.operator.datacenter.ProbeSettingsMapper;
import dev.failover.operator.probes.ProbeSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;

/**
 * Member-cluster calls that give up as soon as the data center's own probes would: each request
 * waits at most {@code probe.timeout × probe.failureThreshold}, the silence the prober tolerates
 * before it calls a blackout, and is not retried by the client (the reconciler retries, with
 * back-off). So a data center that accepts connections but hangs costs a failover, or a bystander
 * costs the target, a few seconds at most, not the client's default timeouts and retries.
 */
public final class BoundedCalls {
  private BoundedCalls() {}

  public static Duration timeout(DataCenter dataCenter) {
    ProbeSettings probe =
        ProbeSettingsMapper.from(
            dataCenter == null || dataCenter.getSpec() == null
                ? null
                : dataCenter.getSpec().getProbe());
    return probe.timeout().multipliedBy(Math.max(1, probe.thresholds().failureThreshold()));
  }

  /** A client sharing {@code client}'s connections whose requests follow {@link #timeout}. */
  public static KubernetesClient to(KubernetesClient client, DataCenter dataCenter) {
    RequestConfig bounded =
        new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
            .withRequestTimeout((int) timeout(dataCenter).toMillis())
            .withRequestRetryBackoffLimit(0)
            .build();
    return client.newClient(bounded).adapt(KubernetesClient.class);
  }
}
