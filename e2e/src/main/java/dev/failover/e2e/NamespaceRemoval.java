package dev.failover.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Deletes a test's namespace so that the namespace controller empties it in one pass. It looks at a
 * deleted namespace 5 s after the delete; if pods are still there after it asked them to go, it
 * looks again only after half their grace period (30 s by default), so a namespace with running
 * pods takes about 21 s to go, one without about 5 s. Pods of a namespace being deleted cannot be
 * created again, so its pods are deleted at once (grace period 0) right after the namespace: only
 * test workloads are removed this way, never what a test observes.
 */
public final class NamespaceRemoval {
  private NamespaceRemoval() {}

  /** Asks for the namespace to go and removes its pods at once; does not wait. */
  public static void begin(KubernetesClient client, String namespace) {
    client.namespaces().withName(namespace).delete();
    client.pods().inNamespace(namespace).withGracePeriod(0).delete();
  }

  /** Waits until the namespace is gone; throws if it is still there after {@code within}. */
  public static void awaitGone(KubernetesClient client, String namespace, Duration within) {
    client
        .namespaces()
        .withName(namespace)
        .waitUntilCondition(Objects::isNull, within.toSeconds(), TimeUnit.SECONDS);
  }
}
