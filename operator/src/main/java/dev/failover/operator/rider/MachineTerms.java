package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.iaasrider.CapacityThreshold;
import dev.failover.api.v1alpha1.iaasrider.IaasFailoverPlan;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.core.vm.CapacityScaler;
import dev.failover.core.vm.MachineSpec;
import java.util.List;
import java.util.Optional;

/**
 * What an IaaS rider's machines depend on: the listed machines, the license's limit and, when it
 * may add machines (maxAdditionalVirtualMachines above 0), its capacity threshold.
 */
record MachineTerms(List<MachineSpec> machines, int maxVirtualMachines, Optional<Scaling> scaling) {
  MachineTerms {
    machines = List.copyOf(machines);
  }

  MachineTerms(List<MachineSpec> machines, int maxVirtualMachines) {
    this(machines, maxVirtualMachines, Optional.empty());
  }

  /** The same terms with these machines: the listed ones and those the threshold added. */
  MachineTerms withMachines(List<MachineSpec> all) {
    return new MachineTerms(all, maxVirtualMachines, scaling);
  }

  /** failoverPlan.capacityThreshold, with the CRD's defaults. */
  record Scaling(CapacityScaler.Threshold threshold, int maxAdditional) {}

  static MachineTerms of(IaasRider rider) {
    var spec = rider.getSpec();
    List<MachineSpec> machines =
        spec.getVirtualMachines() == null
            ? List.of()
            : spec.getVirtualMachines().stream()
                .map(
                    vm ->
                        new MachineSpec(
                            vm.getName(),
                            vm.getSize(),
                            vm.getIoProfile(),
                            vm.getStorageGi() == null ? 50 : vm.getStorageGi(),
                            Boolean.TRUE.equals(vm.getFailover())))
                .toList();
    // The schema requires the limit; a missing one (an old object) runs nothing.
    int max =
        spec.getLicense() == null || spec.getLicense().getMaxVirtualMachines() == null
            ? 0
            : spec.getLicense().getMaxVirtualMachines();
    return new MachineTerms(machines, max, scaling(spec.getFailoverPlan()));
  }

  private static Optional<Scaling> scaling(IaasFailoverPlan plan) {
    CapacityThreshold threshold = plan == null ? null : plan.getCapacityThreshold();
    if (threshold == null
        || threshold.getMaxAdditionalVirtualMachines() == null
        || threshold.getMaxAdditionalVirtualMachines() < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new Scaling(
            new CapacityScaler.Threshold(
                orDefault(threshold.getCpuUtilizationPercent()),
                orDefault(threshold.getIoUtilizationPercent())),
            threshold.getMaxAdditionalVirtualMachines()));
  }

  private static int orDefault(Integer percent) {
    return percent == null ? 80 : percent;
  }
}
