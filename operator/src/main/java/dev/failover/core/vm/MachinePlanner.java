package dev.failover.core.vm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides an IaaS rider's machines in every data center of its policies (the rules are in {@link
 * dev.failover.core.vm}).
 */
public final class MachinePlanner {
  private MachinePlanner() {}

  /**
   * @param machines the rider's machines, in its order
   * @param policies the policies under the rider (not those being deleted)
   * @param maxVirtualMachines {@code license.maxVirtualMachines}: most machines running at once
   */
  public static MachinePlan plan(
      List<MachineSpec> machines, List<PolicyPlacement> policies, int maxVirtualMachines) {
    SortedSet<String> dataCenters =
        policies.stream()
            .flatMap(p -> p.dataCenters().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    Map<String, List<String>> activeHere = new TreeMap<>();
    Map<String, List<String>> failedOverHere = new TreeMap<>();
    for (PolicyPlacement policy : policies) {
      policy
          .active()
          .ifPresent(
              dc -> activeHere.computeIfAbsent(dc, k -> new ArrayList<>()).add(policy.name()));
      if (policy.failedOver()) {
        failedOverHere
            .computeIfAbsent(policy.active().orElseThrow(), k -> new ArrayList<>())
            .add(policy.name() + " (primary " + policy.primary() + ")");
      }
    }
    // The order in which machines that should run get a place under the license.
    Comparator<String> busiestFirst =
        Comparator.<String>comparingInt(dc -> -activeHere.getOrDefault(dc, List.of()).size())
            .thenComparing(Comparator.naturalOrder());
    List<String> byLoad = dataCenters.stream().sorted(busiestFirst).toList();
    List<Candidate> candidates = new ArrayList<>();
    for (boolean failover : new boolean[] {false, true}) {
      Map<String, List<String>> runsWhere = failover ? failedOverHere : activeHere;
      for (String dc : byLoad) {
        if (!runsWhere.containsKey(dc)) {
          continue;
        }
        for (MachineSpec machine : machines) {
          if (machine.failover() == failover) {
            candidates.add(new Candidate(dc, machine));
          }
        }
      }
    }
    List<Candidate> admitted =
        candidates.subList(0, Math.min(candidates.size(), Math.max(0, maxVirtualMachines)));
    List<DesiredMachine> desired = new ArrayList<>();
    for (String dc : dataCenters) {
      for (MachineSpec machine : machines) {
        Candidate candidate = new Candidate(dc, machine);
        Map<String, List<String>> runsWhere = machine.failover() ? failedOverHere : activeHere;
        if (admitted.contains(candidate)) {
          desired.add(
              new DesiredMachine(dc, machine, RunStrategy.Always, running(machine, dc, runsWhere)));
        } else if (candidates.contains(candidate)) {
          desired.add(
              new DesiredMachine(
                  dc,
                  machine,
                  RunStrategy.Halted,
                  "would run, but license.maxVirtualMachines allows "
                      + maxVirtualMachines
                      + " running machine(s) and they are taken"));
        } else {
          desired.add(new DesiredMachine(dc, machine, RunStrategy.Halted, halted(machine, dc)));
        }
      }
    }
    return new MachinePlan(
        desired, dataCenters, maxVirtualMachines, candidates.size() - admitted.size());
  }

  private static String running(
      MachineSpec machine, String dc, Map<String, List<String>> runsWhere) {
    String policies = String.join(", ", runsWhere.get(dc));
    return machine.failover()
        ? "runs: failed over here: " + policies
        : "runs: active here: " + policies;
  }

  private static String halted(MachineSpec machine, String dc) {
    return machine.failover()
        ? "halted: no policy of the rider has failed over to " + dc
        : "halted: no policy of the rider is active in " + dc;
  }

  private record Candidate(String dataCenter, MachineSpec machine) {}
}
