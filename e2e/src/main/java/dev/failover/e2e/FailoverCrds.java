package dev.failover.e2e;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the repository's generated CRDs ({@code crds/*.yml}) into a cluster. Idempotent, so
 * every test class and fixture may ask for it.
 */
public final class FailoverCrds {
  private static final long ESTABLISHED_TIMEOUT_SECONDS = 60;

  private FailoverCrds() {}

  /** Applies every CRD and waits until the API server serves it (Established). */
  public static List<String> installInto(KubernetesClient client) {
    List<CustomResourceDefinition> crds =
        RepositoryFiles.yamlFiles("crds").stream().map(FailoverCrds::read).toList();
    crds.forEach(crd -> ServerSideApply.apply(client, crd));
    crds.forEach(crd -> awaitEstablished(client, crd));
    return crds.stream().map(crd -> crd.getMetadata().getName()).toList();
  }

  /** Applies one CRD file, such as external-dns's DNSEndpoint, and waits until it is served. */
  public static String install(KubernetesClient client, Path file) {
    CustomResourceDefinition crd = read(file);
    ServerSideApply.apply(client, crd);
    awaitEstablished(client, crd);
    return crd.getMetadata().getName();
  }

  private static void awaitEstablished(KubernetesClient client, CustomResourceDefinition crd) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName(crd.getMetadata().getName())
        .waitUntilCondition(
            FailoverCrds::established, ESTABLISHED_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static CustomResourceDefinition read(Path file) {
    return Serialization.unmarshal(RepositoryFiles.read(file), CustomResourceDefinition.class);
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
