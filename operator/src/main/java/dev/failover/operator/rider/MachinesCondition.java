package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.core.vm.MachinePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An IaaS rider's {@code VirtualMachinesReady}: True when every listed machine is in every data
 * center of its policies with its run strategy. False names what is missing: data centers with no
 * DataCenter resource, ones that do not serve KubeVirt, and ones not reached.
 */
record MachinesCondition(boolean ready, String reason, String message) {
  static MachinesCondition of(
      MachinePlan plan, List<AppliedVirtualMachine> entries, List<String> missingDataCenters) {
    TreeSet<String> notServed = new TreeSet<>();
    List<String> pending = new ArrayList<>();
    for (AppliedVirtualMachine entry : entries) {
      if (Boolean.TRUE.equals(entry.getApplied())) {
        continue;
      }
      if (RiderMachines.notServed(entry)) {
        notServed.add(entry.getDataCenter());
      } else {
        pending.add(entry.getName() + "@" + entry.getDataCenter() + ": " + entry.getMessage());
      }
    }
    List<String> problems = new ArrayList<>();
    missingDataCenters.forEach(
        name -> problems.add(name + ": no DataCenter of that name; its policies name it"));
    if (!notServed.isEmpty()) {
      problems.add(
          String.join(", ", notServed)
              + " "
              + (notServed.size() == 1 ? "does" : "do")
              + " not serve kubevirt.io/v1 VirtualMachines: the rider's machines are not created"
              + " there (install KubeVirt, or take it out of the policies' placement)");
    }
    problems.addAll(pending.stream().distinct().toList());
    String held =
        plan.heldByLicense() == 0
            ? ""
            : "; "
                + plan.heldByLicense()
                + " more would run but license.maxVirtualMachines allows "
                + plan.allowed();
    if (problems.isEmpty()) {
      if (plan.machines().isEmpty()) {
        return new MachinesCondition(
            true,
            plan.dataCenters().isEmpty() ? "NoPolicies" : "NoVirtualMachines",
            plan.dataCenters().isEmpty()
                ? "no policy runs under this rider yet: its machines are created where one may run"
                : "the rider lists no virtual machines");
      }
      return new MachinesCondition(
          true,
          "Applied",
          plan.machines().stream().map(m -> m.name()).distinct().count()
              + " machine(s) in "
              + String.join(", ", plan.dataCenters())
              + "; running: "
              + (plan.running() == 0 ? "none" : plan.runningNames())
              + held);
    }
    String reason =
        !missingDataCenters.isEmpty()
            ? "DataCenterMissing"
            : !notServed.isEmpty() ? "KubeVirtNotServed" : "Pending";
    return new MachinesCondition(
        false,
        reason,
        "not in every data center: " + problems.stream().collect(Collectors.joining("; ")) + held);
  }
}
