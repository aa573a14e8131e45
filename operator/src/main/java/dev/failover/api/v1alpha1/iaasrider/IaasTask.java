package dev.failover.api.v1alpha1.iaasrider;

/**
 * Tasks of the IaaS rider. Specialist tasks can be granted to customer subjects; the provider-only
 * task exists so that asking for it is rejected with a message saying it is provider-only.
 */
public enum IaasTask {
  /** Develop, manage and access virtual machines. */
  ManageVirtualMachines(false),
  /** Grant PaaS developers permission to build applications on the virtual machines. */
  GrantPaasDeveloperAccess(false),
  /** Use third-party tools such as load balancers, and protection tools. */
  UseThirdPartyTools(false),
  /** Scan virtual machines for vulnerabilities. */
  ScanVirtualMachines(false),
  /** Configure the virtual machines' firewalls (NetworkPolicies). */
  ConfigureVmFirewall(false),
  /** Create and monitor security alerts. */
  ManageSecurityAlerts(false),
  /** Back up virtual machines. */
  BackUpVirtualMachines(false),
  /** Provider only: access the infrastructure the virtual machines run on. */
  AccessInfrastructure(true);

  private final boolean providerOnly;

  IaasTask(boolean providerOnly) {
    this.providerOnly = providerOnly;
  }

  public boolean isProviderOnly() {
    return providerOnly;
  }
}
