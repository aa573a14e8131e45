package dev.failover.core.vm;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The machines of a rider in every data center of its policies.
 *
 * @param heldByLicense machines that would run but stay halted because the license is reached
 */
public record MachinePlan(
    List<DesiredMachine> machines, SortedSet<String> dataCenters, int allowed, int heldByLicense) {
  public MachinePlan {
    machines = List.copyOf(machines);
    dataCenters = new TreeSet<>(dataCenters);
  }

  public List<DesiredMachine> in(String dataCenter) {
    return machines.stream().filter(m -> m.dataCenter().equals(dataCenter)).toList();
  }

  /** Machines given {@link RunStrategy#Always}, over all data centers. */
  public int running() {
    return (int) machines.stream().filter(DesiredMachine::running).count();
  }

  /** {@code name@dataCenter} of every running machine, for messages. */
  public String runningNames() {
    return machines.stream()
        .filter(DesiredMachine::running)
        .map(m -> m.name() + "@" + m.dataCenter())
        .collect(Collectors.joining(", "));
  }
}
