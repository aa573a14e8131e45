package dev.failover.api.v1alpha1.paasrider;

/** Whose failover application moves a PaaS application between data centers. */
public enum FailoverApplication {
  /** The developer's own failover application. */
  Own,
  /** The provider's failover application (this operator). */
  Provider
}
