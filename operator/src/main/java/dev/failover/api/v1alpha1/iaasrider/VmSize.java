package dev.failover.api.v1alpha1.iaasrider;

/** Size class of a virtual machine: the CPU and memory it is given. */
public enum VmSize {
  /** 1 vCPU, 2 GiB. */
  Small,
  /** 2 vCPU, 8 GiB. */
  Medium,
  /** 4 vCPU, 16 GiB. */
  Large,
  /** 8 vCPU, 32 GiB. */
  XLarge
}
