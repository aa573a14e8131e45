package dev.failover.api.v1alpha1.failoverpolicy;

/** The kinds of rider a policy can fall under. */
public enum RiderKind {
  SaasRider,
  PaasRider,
  IaasRider
}
