package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.workload.ClusterScopedKinds;
import dev.failover.core.workload.GroupKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart's admission policy and the operator enforce one tenancy rule: the cluster-scoped kinds
 * the policy refuses are the ones the operator knows as built-in. (Whether the API server enforces
 * the policy is InvalidResourcesAreRejectedIT's job.)
 */
class ChartAdmissionPolicyTest {
  private static final Path TEMPLATE =
      Path.of(System.getProperty("examples.dir"))
          .resolveSibling("helm/failover-operator/templates/admission-policies.yaml");

  @Test
  void refusesExactlyTheClusterScopedKindsTheOperatorKnows() throws IOException {
    List<GroupKind> listed = clusterScopedKindsInTheTemplate();
    assertThat(listed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(30);
    assertThat(listed).allMatch(ClusterScopedKinds::isBuiltIn);
    assertThat(listed)
        .contains(
            new GroupKind("", "Namespace"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"),
            new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"));
  }

  private static List<GroupKind> clusterScopedKindsInTheTemplate() throws IOException {
    String template = Files.readString(TEMPLATE);
    int start = template.indexOf("- name: clusterScopedKinds");
    assertThat(start).as("clusterScopedKinds variable in %s", TEMPLATE).isNotNegative();
    String variable = template.substring(start, template.indexOf("- name:", start + 1));
    Matcher quoted = Pattern.compile("'([^']+)'").matcher(variable);
    return quoted.results().map(match -> GroupKind.parse(match.group(1))).toList();
  }
}
