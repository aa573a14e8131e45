package dev.failover.api.v1alpha1.failoverpolicy;

/** Scheme of a health endpoint. */
public enum HttpScheme {
  HTTP,
  HTTPS
}
