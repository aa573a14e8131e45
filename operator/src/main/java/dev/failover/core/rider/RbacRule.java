package dev.failover.core.rider;

import java.util.List;

/**
 * One Kubernetes RBAC policy rule. Never a wildcard: every group, resource and verb is named, so a
 * reviewer reads exactly what a task allows, and a new resource in a group grants nothing.
 */
public record RbacRule(
    List<String> apiGroups,
    List<String> resources,
    List<String> verbs,
    List<String> resourceNames) {

  /** Reading: get, list and watch. */
  public static final List<String> READ = List.of("get", "list", "watch");

  /** Reading and changing existing objects, never creating or deleting them. */
  public static final List<String> CHANGE = List.of("get", "list", "watch", "update", "patch");

  /** The whole life of an object: read, create, change and delete. */
  public static final List<String> MANAGE =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  public RbacRule {
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    verbs = List.copyOf(verbs);
    resourceNames = List.copyOf(resourceNames);
    if (resources.isEmpty() || verbs.isEmpty() || apiGroups.isEmpty()) {
      throw new IllegalArgumentException("a rule names its groups, resources and verbs");
    }
    if (apiGroups.contains("*") || resources.contains("*") || verbs.contains("*")) {
      throw new IllegalArgumentException("a task's rule never uses a wildcard");
    }
  }

  public static RbacRule of(String apiGroup, List<String> resources, List<String> verbs) {
    return new RbacRule(List.of(apiGroup), resources, verbs, List.of());
  }

  public static RbacRule of(String apiGroup, String resource, List<String> verbs) {
    return of(apiGroup, List.of(resource), verbs);
  }
}
