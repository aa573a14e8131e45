package dev.failover.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenancyRuleTest {
  private static DeclaredObject object(String apiVersion, String kind, String namespace) {
    return new DeclaredObject(0, apiVersion, kind, namespace, "x", null, false);
  }

  @Test
  void anObjectWithoutNamespaceOrInThePolicysOwnIsAllowed() {
    TenancyRule rule = TenancyRule.namespaceOnly();

    assertThat(
            rule.violation(
                "shop",
                List.of(object("v1", "ConfigMap", null), object("v1", "ConfigMap", "shop")),
                ClusterScopedKinds::isBuiltIn))
        .isEmpty();
  }

  @Test
  void anObjectNamingAnotherNamespaceIsRefusedWithTheFieldAndBothNamespaces() {
    assertThat(
            TenancyRule.namespaceOnly()
                .violation(
                    "shop",
                    List.of(object("v1", "ConfigMap", "kube-system")),
                    ClusterScopedKinds::isBuiltIn))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("spec.workload.manifests[0]")
                    .contains("'kube-system'")
                    .contains("'shop'"));
  }

  @Test
  void aBuiltInClusterScopedKindIsRefusedUnlessAllowed() {
    DeclaredObject binding = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null);

    assertThat(
            TenancyRule.namespaceOnly()
                .violation("shop", List.of(binding), ClusterScopedKinds::isBuiltIn))
        .hasValueSatisfying(why -> assertThat(why).contains("cluster-scoped"));
    assertThat(
            new TenancyRule(Set.of(GroupKind.parse("rbac.authorization.k8s.io/ClusterRoleBinding")))
                .violation("shop", List.of(binding), ClusterScopedKinds::isBuiltIn))
        .isEmpty();
  }

  @Test
  void aClusterScopedKindIsRefusedEvenWhenItNamesThePolicysNamespace() {
    assertThat(
            TenancyRule.namespaceOnly()
                .violation(
                    "shop",
                    List.of(object("v1", "Namespace", "shop")),
                    ClusterScopedKinds::isBuiltIn))
        .isPresent();
  }

  @Test
  void aCustomKindIsJudgedByWhatDiscoverySays() {
    DeclaredObject custom = object("example.com/v1", "Tenant", null);

    assertThat(TenancyRule.namespaceOnly().violation("shop", List.of(custom), kind -> true))
        .isPresent();
    assertThat(TenancyRule.namespaceOnly().violation("shop", List.of(custom), kind -> false))
        .isEmpty();
  }

  @Test
  void allowingAKindInOneGroupDoesNotAllowTheSameKindInAnother() {
    TenancyRule rule = new TenancyRule(Set.of(GroupKind.parse("example.com/Tenant")));

    assertThat(
            rule.violation(
                "shop", List.of(object("other.example/v1", "Tenant", null)), kind -> true))
        .isPresent();
  }
}
