package dev.failover.api.v1alpha1.paasrider;

/**
 * Tasks of the PaaS rider. Developer tasks can be granted to customer subjects; provider-only tasks
 * exist so that asking for one is rejected with a message saying it is provider-only.
 */
public enum PaasTask {
  /** Create, deploy and run applications. */
  DeployApplications(false),
  /** Manage patches and upgrades of the developer's applications. */
  ManagePatchesAndUpgrades(false),
  /** Decide which SaaS users may reach the developer's applications. */
  ControlSaasUserAccess(false),
  /** Customize the platform for local markets (configuration of the developer's namespace). */
  CustomizePlatform(false),
  /** Scan applications for vulnerabilities. */
  ScanApplications(false),
  /** Configure the application firewall (NetworkPolicies). */
  ConfigureApplicationFirewall(false),
  /** Create and monitor security alerts. */
  ManageSecurityAlerts(false),
  /** Run backups. */
  RunBackups(false),
  /** Provider only: run system applications. */
  RunSystemApplications(true),
  /** Provider only: run virtual machines. */
  RunVirtualMachines(true),
  /** Provider only: access the infrastructure the virtual machines run on. */
  AccessInfrastructure(true);

  private final boolean providerOnly;

  PaasTask(boolean providerOnly) {
    this.providerOnly = providerOnly;
  }

  public boolean isProviderOnly() {
    return providerOnly;
  }
}
