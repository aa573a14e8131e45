package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.core.vm.MachineSpec;
import java.util.List;

/** What an IaaS rider's machines depend on: the listed machines and the license's limit. */
record MachineTerms(List<MachineSpec> machines, int maxVirtualMachines) {
  MachineTerms {
    machines = List.copyOf(machines);
  }

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
    return new MachineTerms(machines, max);
  }
}
