package dev.failover.api.v1alpha1.iaasrider;

/** The storage I/O a virtual machine needs; capacity planning reserves for it. */
public enum IoProfile {
  /** Ordinary I/O. */
  Standard,
  /** Heavy I/O: the IBM article's IaaS outage hit machines at I/O-heavy points. */
  IoHeavy
}
