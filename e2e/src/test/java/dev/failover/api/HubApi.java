package dev.failover.api;

import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.RepositoryFiles;
import dev.failover.e2e.ServerSideApply;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The shared testbed's hub with the generated CRDs installed. Installing is idempotent (server-side
 * apply), so every test class may ask for it; a class that did calls {@link #removeExamples} after
 * it, so no example policy is left for a later class's operator to act on.
 */
public final class HubApi {
  private static final String EXAMPLES_NAMESPACE = "shop";

  /** Shared by every world in the testbed (the DataCenters' Secrets live there): kept. */
  private static final Set<String> KEPT_NAMESPACES = Set.of("failover-system");

  private static final long GONE_WITHIN_SECONDS = 120;

  private HubApi() {}

  public static KubernetesClient installed(Testbed testbed) {
    KubernetesClient client = testbed.dataCenter("hub").client();
    FailoverCrds.installInto(client);
    for (String namespace : List.of("failover-system", EXAMPLES_NAMESPACE)) {
      ServerSideApply.namespace(client, namespace);
    }
    return client;
  }

  /**
   * Deletes what the examples (and the tests that store them) put in the hub: their namespaces with
   * everything in them, and their cluster-scoped objects such as DataCenters; waits until gone.
   */
  public static void removeExamples(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    List<GenericKubernetesResource> examples =
        RepositoryFiles.yamlFiles("examples").stream()
            .flatMap(file -> RepositoryFiles.documents(file).stream())
            .toList();
    List<GenericKubernetesResource> clusterScoped =
        examples.stream()
            .filter(d -> d.getMetadata().getNamespace() == null)
            .filter(d -> !d.getKind().equals("Namespace"))
            .toList();
    List<String> namespaces =
        Stream.concat(
                Stream.of(EXAMPLES_NAMESPACE),
                examples.stream()
                    .map(
                        d ->
                            d.getKind().equals("Namespace")
                                ? d.getMetadata().getName()
                                : d.getMetadata().getNamespace())
                    .filter(Objects::nonNull))
            .filter(namespace -> !KEPT_NAMESPACES.contains(namespace))
            .distinct()
            .toList();
    clusterScoped.forEach(object -> hub.resource(object).delete());
    namespaces.forEach(namespace -> hub.namespaces().withName(namespace).delete());
    clusterScoped.forEach(
        object ->
            hub.resource(object)
                .waitUntilCondition(Objects::isNull, GONE_WITHIN_SECONDS, TimeUnit.SECONDS));
    namespaces.forEach(
        namespace ->
            hub.namespaces()
                .withName(namespace)
                .waitUntilCondition(Objects::isNull, GONE_WITHIN_SECONDS, TimeUnit.SECONDS));
  }

  static GenericKubernetesResource apply(
      KubernetesClient client, GenericKubernetesResource object) {
    return ServerSideApply.apply(client, object);
  }
}
