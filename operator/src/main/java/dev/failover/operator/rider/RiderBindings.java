package dev.failover.operator.rider;

import dev.failover.core.rider.DesiredBinding;
import dev.failover.core.rider.GrantPlan;
import dev.failover.core.rider.RbacRule;
import dev.failover.core.rider.TaskRole;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rider's RoleBindings in one data center: the task ClusterRoles are checked, the desired
 * bindings applied, and the rider's bindings that are no longer desired deleted. The operator never
 * writes a role: it binds the member chart's task ClusterRoles, which is all its own RBAC there
 * lets it bind, so a rider cannot grant more than the mapping, whatever its spec says.
 */
final class RiderBindings {
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private RiderBindings() {}

  /** What was done in one data center. */
  record Outcome(
      boolean applied,
      List<String> namespaces,
      List<String> roles,
      List<String> bindings,
      String message) {}

  /**
   * @param formerNamespaces namespaces the rider bound in before here (from status), pruned too
   */
  static Outcome sync(
      KubernetesClient client,
      RiderTerms rider,
      GrantPlan plan,
      List<String> namespaces,
      Collection<String> formerNamespaces) {
    Set<TaskRole> roles =
        plan.bindings().stream()
            .map(DesiredBinding::role)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<TaskRole, String> problems = roleProblems(client, roles);
    // A role that is missing or not the mapping's is not bound (and its binding is pruned): the
    // others are, so an older chart costs the new tasks only.
    List<DesiredBinding> bindable =
        plan.bindings().stream().filter(b -> !problems.containsKey(b.role())).toList();
    List<String> applied = new ArrayList<>();
    for (DesiredBinding binding : bindable) {
      ServerSideApply.apply(client, roleBinding(rider, binding));
      applied.add(binding.namespace() + "/" + binding.name());
    }
    Set<String> pruneIn = new LinkedHashSet<>(namespaces);
    pruneIn.addAll(formerNamespaces);
    for (String namespace : pruneIn) {
      Set<String> keep =
          bindable.stream()
              .filter(b -> b.namespace().equals(namespace))
              .map(DesiredBinding::name)
              .collect(Collectors.toSet());
      for (RoleBinding existing : ours(client, rider, namespace)) {
        if (!keep.contains(existing.getMetadata().getName())) {
          client.resource(existing).delete();
        }
      }
    }
    List<String> roleNames = roles.stream().map(TaskRole::clusterRoleName).toList();
    String message =
        problems.isEmpty()
            ? null
            : String.join("; ", problems.values())
                + ": install or upgrade the member-rbac chart here"
                + " (helm/failover-operator/member-rbac)";
    return new Outcome(problems.isEmpty(), namespaces, roleNames, applied, message);
  }

  /**
   * Deletes every binding of the rider in the data center, in every namespace given: a deleted
   * rider grants nothing.
   */
  static void removeAll(KubernetesClient client, RiderTerms rider, Collection<String> namespaces) {
    // One by one: a collection delete would need deletecollection, which the operator lacks.
    for (String namespace : namespaces) {
      for (RoleBinding existing : ours(client, rider, namespace)) {
        client.resource(existing).delete();
      }
    }
  }

  private static List<RoleBinding> ours(
      KubernetesClient client, RiderTerms rider, String namespace) {
    return client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .withLabels(RiderLabels.of(rider))
        .list()
        .getItems();
  }

  /** Missing task ClusterRoles, or ones whose rules differ from the mapping, named. */
  private static Map<TaskRole, String> roleProblems(
      KubernetesClient client, Collection<TaskRole> roles) {
    Map<TaskRole, String> problems = new java.util.LinkedHashMap<>();
    for (TaskRole role : roles) {
      ClusterRole found = client.rbac().clusterRoles().withName(role.clusterRoleName()).get();
      if (found == null) {
        problems.put(role, "ClusterRole " + role.clusterRoleName() + " is missing");
      } else if (!sameRules(found.getRules(), role.rules())) {
        problems.put(
            role,
            "ClusterRole "
                + role.clusterRoleName()
                + " does not hold the rules of "
                + role.task()
                + " (changed by hand, or an older chart)");
      }
    }
    return problems;
  }

  static boolean sameRules(List<PolicyRule> found, List<RbacRule> expected) {
    if (found == null || found.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      PolicyRule rule = found.get(i);
      RbacRule want = expected.get(i);
      if (!Objects.equals(nonNull(rule.getApiGroups()), want.apiGroups())
          || !Objects.equals(nonNull(rule.getResources()), want.resources())
          || !Objects.equals(nonNull(rule.getVerbs()), want.verbs())
          || !Objects.equals(nonNull(rule.getResourceNames()), want.resourceNames())
          || !nonNull(rule.getNonResourceURLs()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static RoleBinding roleBinding(RiderTerms rider, DesiredBinding binding) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(binding.name())
        .withNamespace(binding.namespace())
        .withLabels(RiderLabels.of(rider))
        .withAnnotations(
            Map.of(
                "failover.dev/rider",
                rider.kind().name() + "/" + rider.namespace() + "/" + rider.name(),
                "failover.dev/task",
                binding.role().task()))
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup(RBAC_GROUP)
        .withKind("ClusterRole")
        .withName(binding.role().clusterRoleName())
        .endRoleRef()
        .withSubjects(
            binding.subjects().stream()
                .map(
                    s ->
                        new SubjectBuilder()
                            .withKind(s.kind())
                            .withName(s.name())
                            .withNamespace(s.namespace())
                            .withApiGroup("ServiceAccount".equals(s.kind()) ? null : RBAC_GROUP)
                            .build())
                .toList())
        .build();
  }
}
