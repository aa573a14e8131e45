package dev.failover.core.workload;

import java.util.Locale;

/**
 * A kind with its API group ({@code ""} for the core group), without the version: {@code apps/v1}
 * and {@code apps/v1beta2} Deployments are the same objects.
 */
public record GroupKind(String group, String kind) {
  public GroupKind {
    group = group == null ? "" : group;
    kind = kind == null ? "" : kind;
  }

  /** From an object's apiVersion and kind. */
  public static GroupKind of(String apiVersion, String kind) {
    if (apiVersion == null) {
      return new GroupKind("", kind);
    }
    int slash = apiVersion.indexOf('/');
    return new GroupKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
  }

  /**
   * From configuration: {@code Kind} for the core group, {@code group/Kind} otherwise (for example
   * {@code Namespace} or {@code rbac.authorization.k8s.io/ClusterRole}).
   */
  public static GroupKind parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.lastIndexOf('/');
    String kind = slash < 0 ? trimmed : trimmed.substring(slash + 1);
    if (kind.isEmpty() || !Character.isUpperCase(kind.charAt(0))) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a kind: write Kind or group/Kind, for example Namespace");
    }
    return new GroupKind(
        slash < 0 ? "" : trimmed.substring(0, slash).toLowerCase(Locale.ROOT), kind);
  }

  @Override
  public String toString() {
    return group.isEmpty() ? kind : group + "/" + kind;
  }
}
