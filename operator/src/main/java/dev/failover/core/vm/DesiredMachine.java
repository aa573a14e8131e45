package dev.failover.core.vm;

/**
 * One listed machine in one data center, with its run strategy there and why, in words for the
 * rider's status.
 */
public record DesiredMachine(
    String dataCenter, MachineSpec machine, RunStrategy runStrategy, String why) {
  public String name() {
    return machine.name();
  }

  public boolean running() {
    return runStrategy == RunStrategy.Always;
  }
}
