package dev.failover.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupKindTest {
  @Test
  void theVersionDoesNotMatter() {
    assertThat(GroupKind.of("apps/v1", "Deployment"))
        .isEqualTo(GroupKind.of("apps/v1beta2", "Deployment"))
        .isEqualTo(new GroupKind("apps", "Deployment"));
  }

  @Test
  void theCoreGroupIsEmpty() {
    assertThat(GroupKind.of("v1", "Namespace")).isEqualTo(new GroupKind("", "Namespace"));
    assertThat(GroupKind.parse("Namespace")).isEqualTo(new GroupKind("", "Namespace"));
  }

  @Test
  void parsesGroupSlashKindFromConfiguration() {
    assertThat(GroupKind.parse(" rbac.authorization.k8s.io/ClusterRole "))
        .isEqualTo(new GroupKind("rbac.authorization.k8s.io", "ClusterRole"));
  }

  @Test
  void refusesSomethingThatIsNotAKind() {
    assertThatThrownBy(() -> GroupKind.parse("namespaces"))
        .hasMessageContaining("'namespaces' is not a kind");
    assertThatThrownBy(() -> GroupKind.parse("apps/")).hasMessageContaining("not a kind");
  }
}
