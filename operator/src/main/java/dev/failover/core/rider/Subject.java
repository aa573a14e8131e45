package dev.failover.core.rider;

import java.util.Objects;

/**
 * A customer subject, as a RoleBinding names it. A ServiceAccount always has its namespace (the
 * rider's when the spec leaves it out); users and groups never do.
 */
public record Subject(String kind, String name, String namespace) {
  public Subject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if ("ServiceAccount".equals(kind) != (namespace != null)) {
      throw new IllegalArgumentException(
          "a ServiceAccount, and only a ServiceAccount, has a namespace: " + kind + " " + name);
    }
  }

  /** How status and Events name the subject: {@code User/alice}, {@code ServiceAccount/ns/ci}. */
  @Override
  public String toString() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }
}
