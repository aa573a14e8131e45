package dev.failover.api.v1alpha1.common;

/** The kind of an RBAC subject, as in a RoleBinding. */
public enum SubjectKind {
  User,
  Group,
  ServiceAccount
}
