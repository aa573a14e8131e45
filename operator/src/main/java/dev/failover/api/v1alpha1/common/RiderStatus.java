package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Status of every rider kind: license usage against the limits, and the RBAC granted in each data
 * center, an IaaS rider's virtual machines, and its failover plan checked. Conditions:
 * LicenseCompliant, PermissionsApplied, VirtualMachinesReady (IaaS), FailoverPlanValid and the
 * summary Ready (which leaves FailoverPlanValid out).
 */
public class RiderStatus extends ConditionedStatus {
  @JsonPropertyDescription("Usage of each license limit, across all data centers.")
  private List<LicenseUsage> licenseUsage = new ArrayList<>();

  @JsonPropertyDescription("The RBAC actually granted for this rider, one entry per data center.")
  private List<AppliedPermissions> permissions = new ArrayList<>();

  @JsonPropertyDescription(
      "Subjects of the grants that are not bound because the license's limit on people is"
          + " reached, as Kind/name or ServiceAccount/namespace/name, in the order the grants list"
          + " them.")
  private List<String> unboundSubjects = new ArrayList<>();

  @JsonPropertyDescription(
      "IaaS riders: each listed virtual machine in each data center of the rider's policies, with"
          + " the run strategy it is given there.")
  private List<AppliedVirtualMachine> virtualMachines = new ArrayList<>();

  public List<AppliedVirtualMachine> getVirtualMachines() {
    return virtualMachines;
  }

  public void setVirtualMachines(List<AppliedVirtualMachine> virtualMachines) {
    this.virtualMachines = virtualMachines;
  }

  @JsonPropertyDescription(
      "IaaS riders with failoverPlan.capacityThreshold and maxAdditionalVirtualMachines above 0:"
          + " the samples judged and the machines added.")
  private CapacityScaling capacity;

  public CapacityScaling getCapacity() {
    return capacity;
  }

  public void setCapacity(CapacityScaling capacity) {
    this.capacity = capacity;
  }

  @JsonPropertyDescription(
      "Each element of spec.failoverPlan checked against the policies under the rider and the"
          + " data centers they may run in; FailoverPlanValid sums them up.")
  private List<FailoverPlanCheck> planChecks = new ArrayList<>();

  public List<FailoverPlanCheck> getPlanChecks() {
    return planChecks;
  }

  public void setPlanChecks(List<FailoverPlanCheck> planChecks) {
    this.planChecks = planChecks;
  }

  public List<String> getUnboundSubjects() {
    return unboundSubjects;
  }

  public void setUnboundSubjects(List<String> unboundSubjects) {
    this.unboundSubjects = unboundSubjects;
  }

  public List<LicenseUsage> getLicenseUsage() {
    return licenseUsage;
  }

  public void setLicenseUsage(List<LicenseUsage> licenseUsage) {
    this.licenseUsage = licenseUsage;
  }

  public List<AppliedPermissions> getPermissions() {
    return permissions;
  }

  public void setPermissions(List<AppliedPermissions> permissions) {
    this.permissions = permissions;
  }
}
