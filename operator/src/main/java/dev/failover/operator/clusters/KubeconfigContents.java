package dev.failover.operator.clusters;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a kubeconfig names one data center before any client is built from it: its
 * current-context must name a context, whose cluster has a server. Without this, fabric8 falls back
 * to {@code https://kubernetes.default.svc}, which inside the hub is the hub itself.
 */
public final class KubeconfigContents {
  static final String INVALID = "KubeconfigInvalid";
  static final String NO_CONTEXT = "KubeconfigNoUsableContext";

  private KubeconfigContents() {}

  /** The user of the current context, if it names one; throws when the kubeconfig is unusable. */
  public static Optional<AuthInfo> check(String kubeconfig) {
    Config parsed;
    try {
      parsed = KubeConfigUtils.parseConfigFromString(kubeconfig);
    } catch (RuntimeException e) {
      throw new UnusableKubeconfigException(INVALID, "it cannot be parsed as a kubeconfig");
    }
    if (parsed == null) {
      throw new UnusableKubeconfigException(INVALID, "it is empty");
    }
    if (isEmpty(parsed.getClusters())
        && isEmpty(parsed.getContexts())
        && isEmpty(parsed.getUsers())) {
      throw new UnusableKubeconfigException(
          INVALID, "it is not a kubeconfig: it names no clusters, users or contexts");
    }
    String current = parsed.getCurrentContext();
    if (current == null || current.isBlank()) {
      throw new UnusableKubeconfigException(NO_CONTEXT, "it sets no current-context");
    }
    NamedContext context =
        named(parsed.getContexts(), NamedContext::getName, current)
            .filter(c -> c.getContext() != null)
            .orElseThrow(
                () ->
                    new UnusableKubeconfigException(
                        NO_CONTEXT, "its current-context " + current + " names no context in it"));
    String clusterName = context.getContext().getCluster();
    boolean hasServer =
        named(parsed.getClusters(), NamedCluster::getName, clusterName)
            .map(NamedCluster::getCluster)
            .map(cluster -> cluster.getServer() != null && !cluster.getServer().isBlank())
            .orElse(false);
    if (!hasServer) {
      throw new UnusableKubeconfigException(
          NO_CONTEXT,
          "context " + current + " names cluster " + clusterName + ", which has no server in it");
    }
    String userName = context.getContext().getUser();
    if (userName == null) {
      return Optional.empty();
    }
    return Optional.of(
        named(parsed.getUsers(), NamedAuthInfo::getName, userName)
            .map(NamedAuthInfo::getUser)
            .orElseThrow(
                () ->
                    new UnusableKubeconfigException(
                        NO_CONTEXT,
                        "context "
                            + current
                            + " names user "
                            + userName
                            + ", which is not in it")));
  }

  private static boolean isEmpty(List<?> items) {
    return items == null || items.isEmpty();
  }

  private static <T> Optional<T> named(
      List<T> items, java.util.function.Function<T, String> name, String wanted) {
    return items == null
        ? Optional.empty()
        : items.stream()
            .filter(item -> wanted != null && wanted.equals(name.apply(item)))
            .findFirst();
  }
}
