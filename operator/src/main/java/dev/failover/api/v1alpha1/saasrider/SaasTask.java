package dev.failover.api.v1alpha1.saasrider;

/**
 * Tasks of the SaaS rider. User tasks can be granted to customer subjects; provider-only tasks
 * exist so that asking for one is rejected with a message saying it is provider-only, not with an
 * unknown-value error.
 */
public enum SaasTask {
  /** Access SaaS applications, up to the license's per-user limits. */
  AccessApplications(false),
  /** Update records according to the role the user was given. */
  UpdateRecords(false),
  /** Receive security alerts. */
  ReceiveSecurityAlerts(false),
  /** Provider only: buy upgrade licenses. */
  BuyUpgradeLicenses(true),
  /** Provider only: manage patches of the SaaS applications. */
  ManagePatches(true),
  /** Provider only: access system applications and virtual machines. */
  AccessSystemApplicationsAndVMs(true),
  /** Provider only: access the infrastructure the virtual machines run on. */
  AccessInfrastructure(true);

  private final boolean providerOnly;

  SaasTask(boolean providerOnly) {
    this.providerOnly = providerOnly;
  }

  public boolean isProviderOnly() {
    return providerOnly;
  }
}
