package dev.failover.api.v1alpha1.common;

/** The condition types the operator writes, so that readers and writers spell them alike. */
public final class ConditionTypes {
  private ConditionTypes() {}

  /** Summary condition of every kind; kstatus-aware tools and {@code kubectl wait} read it. */
  public static final String READY = "Ready";

  /**
   * DataCenter: its kubeconfig can be read and used, and its API server has not turned the
   * credentials away (401, 403, an untrusted certificate). False names the problem.
   */
  public static final String CREDENTIALS_VALID = "CredentialsValid";

  /** Rider: license usage is within every license limit. */
  public static final String LICENSE_COMPLIANT = "LicenseCompliant";

  /** Rider: the RBAC for every grant is in place in every data center. */
  public static final String PERMISSIONS_APPLIED = "PermissionsApplied";

  /**
   * IaasRider: every listed virtual machine is a KubeVirt VirtualMachine, with its run strategy, in
   * every data center of the rider's policies. False names the data centers that do not serve
   * kubevirt.io/v1 ({@code KubeVirtNotServed}) or cannot be reached ({@code Pending}).
   */
  public static final String VIRTUAL_MACHINES_READY = "VirtualMachinesReady";

  /**
   * Rider: every element of spec.failoverPlan fits the policies under it (status.planChecks).
   * Advisory: the rider's Ready leaves it out.
   */
  public static final String FAILOVER_PLAN_VALID = "FailoverPlanValid";

  /** FailoverPolicy: every data center its placement lists has a DataCenter resource. */
  public static final String DATA_CENTERS_FOUND = "DataCentersFound";

  /** FailoverPolicy: spec.objectives.rto is within the rider's failoverPlan.maxFailoverTime. */
  public static final String WITHIN_RIDER_FAILOVER_TIME = "WithinRiderFailoverTime";

  /**
   * FailoverPolicy under a PaaS rider with service pools: the workload holds components of one pool
   * at most, so each pool is placed and failed over on its own.
   */
  public static final String SERVICE_POOLS_SEPARATE = "ServicePoolsSeparate";

  /**
   * FailoverPolicy with failback.requireRestoreTest: no data center is held out of production for
   * its restore test. False names each one and what it waits for ({@code AwaitingRestoration},
   * {@code AwaitingRestoreTest}) or why its test failed ({@code RestoreTestFailed}).
   */
  public static final String RESTORE_TEST_PASSED = "RestoreTestPassed";

  /** FailoverPolicy: detection, apply and readiness time can meet spec.objectives.rto. */
  public static final String RTO_FEASIBLE = "RtoFeasible";

  /**
   * Notification: delivery was given up, after a permanent failure ({@code PermanentFailure}) or
   * when the attempts ran out ({@code AttemptsExhausted}); the message holds the last error.
   */
  public static final String DEAD_LETTERED = "DeadLettered";

  /**
   * FailoverPolicy with a backup service: the last backup due was taken. False names why not
   * ({@code BackupRefused}, {@code BackupTooLarge}, {@code BackupFailed}).
   */
  public static final String BACKED_UP = "BackedUp";

  /**
   * FailoverPolicy with a backup service: the backup store has room for the next backups under the
   * rider's maxStorageUsagePercent. False ({@code StoreNearlyFull}) comes one backup before a
   * backup would pass it, then {@code StoreFull} (the backup does not run) or {@code
   * CapacityUnknown}.
   */
  public static final String BACKUP_STORAGE_HEALTHY = "BackupStorageHealthy";
}
