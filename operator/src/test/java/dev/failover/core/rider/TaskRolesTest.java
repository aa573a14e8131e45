package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.iaasrider.IaasTask;
import dev.failover.api.v1alpha1.paasrider.PaasTask;
import dev.failover.api.v1alpha1.saasrider.SaasTask;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskRolesTest {
  /** What no task may ever reach: the provider's, or a way to become the provider. */
  private static final Set<String> NEVER_GRANTED =
      Set.of(
          "secrets",
          "nodes",
          "namespaces",
          "roles",
          "clusterrolebindings",
          "pods/exec",
          "pods/attach",
          "pods/portforward",
          "serviceaccounts/token",
          "persistentvolumes",
          "customresourcedefinitions",
          "validatingadmissionpolicies",
          "mutatingwebhookconfigurations",
          "validatingwebhookconfigurations");

  private static final Set<String> DANGEROUS_VERBS = Set.of("escalate", "impersonate", "*");

  static Stream<TaskRole> roles() {
    return TaskRoles.all().stream();
  }

  @ParameterizedTest
  @EnumSource(SaasTask.class)
  void everySaasTaskHasARoleUnlessProviderOnly(SaasTask task) {
    assertThat(TaskRoles.of(task).isPresent()).isEqualTo(!task.isProviderOnly());
  }

  @ParameterizedTest
  @EnumSource(PaasTask.class)
  void everyPaasTaskHasARoleUnlessProviderOnly(PaasTask task) {
    assertThat(TaskRoles.of(task).isPresent()).isEqualTo(!task.isProviderOnly());
  }

  @ParameterizedTest
  @EnumSource(IaasTask.class)
  void everyIaasTaskHasARoleUnlessProviderOnly(IaasTask task) {
    assertThat(TaskRoles.of(task).isPresent()).isEqualTo(!task.isProviderOnly());
  }

  @Test
  void theCatalogueHoldsEveryGrantableTaskOnceInEnumOrder() {
    List<String> expected =
        Stream.of(
                Arrays.stream(SaasTask.values())
                    .filter(t -> !t.isProviderOnly())
                    .map(t -> "saas/" + t),
                Arrays.stream(PaasTask.values())
                    .filter(t -> !t.isProviderOnly())
                    .map(t -> "paas/" + t),
                Arrays.stream(IaasTask.values())
                    .filter(t -> !t.isProviderOnly())
                    .map(t -> "iaas/" + t))
            .flatMap(s -> s)
            .toList();
    assertThat(TaskRoles.all()).extracting(r -> r.rider() + "/" + r.task()).isEqualTo(expected);
    assertThat(TaskRoles.all()).extracting(TaskRole::clusterRoleName).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("roles")
  void noRoleReachesWhatTheProviderKeeps(TaskRole role) {
    for (RbacRule rule : role.rules()) {
      assertThat(rule.resources()).as(role.task()).doesNotContainAnyElementsOf(NEVER_GRANTED);
      assertThat(rule.verbs()).as(role.task()).doesNotContainAnyElementsOf(DANGEROUS_VERBS);
      assertThat(rule.apiGroups()).doesNotContain("*");
      assertThat(rule.resources()).doesNotContain("*");
    }
  }

  @ParameterizedTest
  @MethodSource("roles")
  void onlyTheIaasGrantOfPaasDevelopersTouchesRbacAndOnlyToBindTheirRoles(TaskRole role) {
    List<RbacRule> rbac =
        role.rules().stream()
            .filter(r -> r.apiGroups().contains("rbac.authorization.k8s.io"))
            .toList();
    if (!role.task().equals(IaasTask.GrantPaasDeveloperAccess.name())) {
      assertThat(rbac).as(role.task()).isEmpty();
      return;
    }
    RbacRule bind =
        rbac.stream().filter(r -> r.resources().contains("clusterroles")).findFirst().orElseThrow();
    assertThat(bind.verbs()).containsExactly("bind");
    assertThat(bind.resourceNames())
        .containsExactlyElementsOf(
            Arrays.stream(PaasTask.values())
                .map(TaskRoles::of)
                .flatMap(java.util.Optional::stream)
                .map(TaskRole::clusterRoleName)
                .toList())
        .allMatch(name -> name.startsWith(TaskRole.NAME_PREFIX + "paas-"));
  }

  @ParameterizedTest
  @MethodSource("roles")
  void roleNamesAreValidAndSayTheRiderAndTheTask(TaskRole role) {
    assertThat(role.clusterRoleName())
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        .startsWith(TaskRole.NAME_PREFIX + role.rider() + "-")
        .hasSizeLessThanOrEqualTo(253);
  }

  @Test
  void namesAreKebabCaseOfTheTask() {
    assertThat(TaskRoles.of(PaasTask.ConfigureApplicationFirewall).orElseThrow().clusterRoleName())
        .isEqualTo("failover-rider-paas-configure-application-firewall");
    assertThat(TaskRoles.of(IaasTask.ConfigureVmFirewall).orElseThrow().clusterRoleName())
        .isEqualTo("failover-rider-iaas-configure-vm-firewall");
  }

  @Test
  void examplesFromTheIssueMapAsAskedFor() {
    assertThat(TaskRoles.of(PaasTask.ConfigureApplicationFirewall).orElseThrow().rules())
        .containsExactly(RbacRule.of("networking.k8s.io", "networkpolicies", RbacRule.MANAGE));
    // Patches and upgrades change workloads; they never create or delete them.
    assertThat(TaskRoles.of(PaasTask.ManagePatchesAndUpgrades).orElseThrow().rules())
        .allSatisfy(r -> assertThat(r.verbs()).doesNotContain("create", "delete"));
  }

  @Test
  void aRuleWithAWildcardOrNothingNamedIsRefused() {
    assertThatThrownBy(() -> RbacRule.of("", "*", RbacRule.READ))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RbacRule.of("", "pods", List.of("*")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RbacRule.of("", List.of(), RbacRule.READ))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
