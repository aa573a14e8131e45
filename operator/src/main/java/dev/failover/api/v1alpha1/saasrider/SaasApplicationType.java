package dev.failover.api.v1alpha1.saasrider;

/** Kinds of SaaS application a user license may allow. */
public enum SaasApplicationType {
  Accounting,
  ProjectManagement,
  CRM,
  RetailManagement,
  VulnerabilityScanner,
  Collaboration,
  Other
}
