package dev.failover.api.v1alpha1.paasrider;

/** Kinds of application a PaaS developer license covers. */
public enum PaasApplicationType {
  SaasApplication,
  WebSite,
  CRM,
  Mobile,
  BillingPayroll,
  ServiceDeliveryPlatform,
  ContentDeliveryManagement
}
