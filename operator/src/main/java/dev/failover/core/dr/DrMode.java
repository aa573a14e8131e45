package dev.failover.core.dr;

/** Whether disaster-recovery mode is on. */
public enum DrMode {
  on,
  off
}
