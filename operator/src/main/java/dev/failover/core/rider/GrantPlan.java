package dev.failover.core.rider;

import dev.failover.core.ShortName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The RoleBindings a rider's grants become in every data center: one per task role and namespace,
 * binding the subjects that have the task. A license that limits people (concurrent developers,
 * specialists) limits the subjects bound: the first {@code limit} distinct subjects, in the order
 * the grants list them, are bound; the rest are not, and are named in {@link #unbound()}.
 *
 * @param bound the subjects bound, in order of first appearance
 * @param unbound the subjects over the license's limit, in the same order
 */
public record GrantPlan(List<DesiredBinding> bindings, List<Subject> bound, List<Subject> unbound) {
  private static final int MAX_NAME_LENGTH = 253;

  public GrantPlan {
    bindings = List.copyOf(bindings);
    bound = List.copyOf(bound);
    unbound = List.copyOf(unbound);
  }

  /**
   * @param rider the rider kind, lower case ({@code saas}, {@code paas}, {@code iaas})
   * @param riderName the rider's name, which the bindings' names carry
   * @param namespaces where to bind, as {@link RiderNamespaces#resolve} gave them
   * @param subjectLimit the most subjects the license allows, if it limits people
   */
  public static GrantPlan of(
      String rider,
      String riderName,
      List<String> namespaces,
      List<RiderGrant> grants,
      OptionalInt subjectLimit) {
    Set<Subject> distinct = new LinkedHashSet<>();
    grants.forEach(g -> distinct.addAll(g.subjects()));
    List<Subject> all = List.copyOf(distinct);
    int limit = Math.min(all.size(), subjectLimit.orElse(Integer.MAX_VALUE));
    Set<Subject> bound = new LinkedHashSet<>(all.subList(0, limit));

    // Task role -> its bound subjects, both in order of first appearance.
    Map<TaskRole, Set<Subject>> byRole = new LinkedHashMap<>();
    for (RiderGrant grant : grants) {
      for (TaskRole role : grant.roles()) {
        Set<Subject> subjects = byRole.computeIfAbsent(role, r -> new LinkedHashSet<>());
        grant.subjects().stream().filter(bound::contains).forEach(subjects::add);
      }
    }
    List<DesiredBinding> bindings = new ArrayList<>();
    for (String namespace : namespaces) {
      byRole.forEach(
          (role, subjects) -> {
            if (!subjects.isEmpty()) {
              bindings.add(
                  new DesiredBinding(
                      namespace, bindingName(rider, riderName, role), role, List.copyOf(subjects)));
            }
          });
    }
    return new GrantPlan(bindings, List.copyOf(bound), all.subList(limit, all.size()));
  }

  /** {@code failover-paas-billing-run-backups}: the rider and the task, read at a glance. */
  public static String bindingName(String rider, String riderName, TaskRole role) {
    String suffix = "-" + TaskRole.kebab(role.task());
    String start = "failover-" + rider + "-" + riderName;
    return ShortName.of(start, MAX_NAME_LENGTH - suffix.length()) + suffix;
  }
}
