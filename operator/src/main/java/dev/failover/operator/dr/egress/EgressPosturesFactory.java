package dev.failover.operator.dr.egress;

import dev.failover.operator.config.EgressConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds the {@link EgressPostures} from the operator's settings: the wiring in one place. */
public final class EgressPosturesFactory {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private EgressPosturesFactory() {}

  /**
   * @param hub the hub's client, where the managed list's ConfigMap lives
   * @param operatorNamespace the operator's namespace in the hub
   */
  public static EgressPostures create(
      EgressConfig config,
      KubernetesClient hub,
      String operatorNamespace,
      MeterRegistry registry,
      Clock clock) {
    Optional<ManagedListSource> source =
        config
            .configMap()
            .<ManagedListSource>map(
                name ->
                    new ConfigMapListSource(
                        hub, operatorNamespace, name, EgressConfig.CONFIGMAP_KEY))
            .or(
                () ->
                    config
                        .url()
                        .map(
                            url ->
                                new UrlListSource(
                                    url,
                                    HttpClient.newBuilder()
                                        .followRedirects(HttpClient.Redirect.NEVER)
                                        .connectTimeout(HTTP_TIMEOUT)
                                        .build(),
                                    ListUrlGuard.strict(),
                                    HTTP_TIMEOUT)));
    return new EgressPostures(
        new ManagedAllowlist(source, config.refresh(), clock, registry),
        new HostnameResolver(config.resolver(), config.dnsTimeout()),
        clock);
  }
}
