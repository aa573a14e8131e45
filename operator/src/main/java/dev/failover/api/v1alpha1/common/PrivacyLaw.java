package dev.failover.api.v1alpha1.common;

/** Data privacy laws a provider states compliance with in a rider's failover plan. */
public enum PrivacyLaw {
  /** United States Federal Privacy Act of 1974. */
  USFederalPrivacyAct,
  /** Canada's Personal Information Protection and Electronic Documents Act. */
  PIPEDA,
  /** EU General Data Protection Regulation. */
  GDPR,
  /** California Consumer Privacy Act. */
  CCPA,
  /** US Health Insurance Portability and Accountability Act. */
  HIPAA,
  /** Japan's Act on the Protection of Personal Information. */
  APPI,
  /** Brazil's Lei Geral de Proteção de Dados. */
  LGPD
}
