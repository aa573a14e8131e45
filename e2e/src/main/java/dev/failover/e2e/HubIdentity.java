package dev.failover.e2e;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The operator's identity in the hub, as the Helm chart deploys it: the chart's ServiceAccount
 * bound to the chart's RBAC (rendered with {@code helm template} and applied), and a kubeconfig
 * with a token for it. The operator processes of the tests run with it, so every test also proves
 * that the chart's RBAC is enough.
 */
public final class HubIdentity {
  /** The chart's release; its ServiceAccount, roles and bindings are named after it. */
  public static final String RELEASE = "failover-operator";

  public static final String NAMESPACE = OperatorLaunch.SECRETS_NAMESPACE;

  /** The chart's default Lease name, the only one its RBAC lets the operator update. */
  public static final String LEASE = "failover-operator-leader";

  private static final Set<String> RBAC_KINDS =
      Set.of("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

  private HubIdentity() {}

  /** The chart's ServiceAccount and RBAC objects for a release installed in {@link #NAMESPACE}. */
  public static List<GenericKubernetesResource> rbac(Testbed testbed, String release) {
    String rendered = new Helm(testbed).template(Helm.OPERATOR_CHART, release, NAMESPACE);
    return RepositoryFiles.documents(rendered).stream()
        .filter(object -> RBAC_KINDS.contains(object.getKind()))
        .toList();
  }

  /**
   * Applies the chart's ServiceAccount and RBAC to the hub and writes a kubeconfig for that
   * ServiceAccount into the testbed's work directory; returns its path.
   */
  public static Path install(Testbed testbed, DataCenterCluster hub) {
    KubernetesClient admin = hub.client();
    ServerSideApply.namespace(admin, NAMESPACE);
    // The chart creates the backup store's namespace with its Role; the tests keep it standing.
    ServerSideApply.namespace(admin, OperatorLaunch.BACKUP_NAMESPACE);
    rbac(testbed, RELEASE).forEach(object -> ServerSideApply.apply(admin, object));
    String kubeconfig =
        SelfContainedKubeconfig.withToken(
            SelfContainedKubeconfig.of(hub.kubeconfig()),
            ServiceAccountToken.issue(admin, NAMESPACE, RELEASE));
    Path file = testbed.workDir().resolve("operator-hub.kubeconfig");
    try {
      Files.writeString(file, kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
