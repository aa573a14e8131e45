package dev.failover.api.v1alpha1.notification;

/** Who a notification is for. */
public enum Audience {
  /** The rider's customer side: SaaS users, PaaS developers or IaaS specialists. */
  Customers,
  /** The provider's own operations team (e.g. SlaAtRisk alerts). */
  Provider
}
