package dev.failover.e2e;

import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The operator's identity in the member data centers, set up as the platform team would: the
 * member-rbac chart ({@code helm/failover-operator/member-rbac}) rendered and applied in each data
 * center with the testbed's admin credentials, and a kubeconfig for the chart's ServiceAccount,
 * with a token from the TokenRequest API instead of the admin's client certificate. So every test
 * runs the operator with exactly the rights a production member cluster grants it.
 */
public final class MemberIdentity {
  /** The member chart's release; it names the ClusterRoles and the RoleBindings. */
  public static final String RELEASE = "failover-operator";

  /** Where the chart puts the operator's ServiceAccount in each data center. */
  public static final String NAMESPACE = "failover-system";

  public static final String SERVICE_ACCOUNT = "failover-operator";

  /** The user name the API server gives the ServiceAccount's tokens. */
  public static final String USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;

  private final Helm helm;

  public MemberIdentity(Testbed testbed) {
    this.helm = new Helm(testbed);
  }

  /**
   * Applies the member RBAC to the data center, letting the operator act on workloads in exactly
   * these namespaces (creating them). Applying again with more namespaces adds those.
   */
  public void install(DataCenterCluster dataCenter, Collection<String> workloadNamespaces) {
    install(dataCenter, workloadNamespaces, false);
  }

  /**
   * As {@link #install(DataCenterCluster, Collection)}, with the chart's restore-test rights
   * ({@code restoreTests.enabled}) when asked: applying without them later leaves them in place.
   */
  public void install(
      DataCenterCluster dataCenter, Collection<String> workloadNamespaces, boolean restoreTests) {
    KubernetesClient admin = dataCenter.client();
    ServerSideApply.namespace(admin, NAMESPACE);
    String rendered =
        helm.template(
            Helm.MEMBER_RBAC_CHART,
            RELEASE,
            NAMESPACE,
            "--set-json",
            "namespaces=" + jsonArray(workloadNamespaces),
            "--set",
            "restoreTests.enabled=" + restoreTests);
    ServerSideApply.applyYaml(admin, rendered);
  }

  /**
   * A self-contained kubeconfig that reaches the data center through its proxy (so the testbed's
   * cut() and slow() reach the operator) as the chart's ServiceAccount.
   */
  public String kubeconfig(DataCenterCluster dataCenter) {
    String admin = SelfContainedKubeconfig.of(dataCenter.proxiedKubeconfig());
    return SelfContainedKubeconfig.withToken(
        admin, ServiceAccountToken.issue(dataCenter.client(), NAMESPACE, SERVICE_ACCOUNT));
  }

  private static String jsonArray(Collection<String> names) {
    return names.stream()
        .sorted()
        .map(name -> "\"" + name + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
