package dev.failover.core.capacity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measurement of a data center: what its Ready, schedulable nodes offer and what the pods bound
 * to them ask for.
 *
 * @param readyNodes the nodes counted in {@code allocatable}
 * @param cpuUsage what those nodes are busy with; empty where no metrics API answers for all
 */
public record CapacitySnapshot(
    Resources allocatable,
    Resources requested,
    int readyNodes,
    Instant measuredAt,
    Optional<CpuUsage> cpuUsage) {

  public CapacitySnapshot {
    Objects.requireNonNull(allocatable, "allocatable");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(cpuUsage, "cpuUsage");
  }

  /** A measurement without usage figures. */
  public CapacitySnapshot(
      Resources allocatable, Resources requested, int readyNodes, Instant measuredAt) {
    this(allocatable, requested, readyNodes, measuredAt, Optional.empty());
  }

  public CapacitySnapshot withCpuUsage(Optional<CpuUsage> usage) {
    return new CapacitySnapshot(allocatable, requested, readyNodes, measuredAt, usage);
  }

  /** CPU in use as a share of allocatable CPU (may pass 100 on an overcommitted node). */
  public OptionalDouble cpuUtilizationPercent() {
    if (cpuUsage.isEmpty() || allocatable.cpuMillis() == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(percent(cpuUsage.get().usedMillis(), allocatable.cpuMillis()));
  }

  /** Without CPU and memory to offer there is nothing to take a share of. */
  public boolean known() {
    return allocatable.cpuMillis() > 0 && allocatable.memoryBytes() > 0;
  }

  public Resources free() {
    return allocatable.minus(requested);
  }

  /** The scarcer of CPU and memory, as a share of allocatable that is not requested (0..100). */
  public OptionalDouble freePercent() {
    return freePercentAfter(Resources.NONE);
  }

  /** {@link #freePercent()} once {@code extra} is requested as well; may reach 0, never below. */
  public OptionalDouble freePercentAfter(Resources extra) {
    if (!known()) {
      return OptionalDouble.empty();
    }
    Resources free = allocatable.minus(requested.plus(extra));
    return OptionalDouble.of(
        Math.min(
            percent(free.cpuMillis(), allocatable.cpuMillis()),
            percent(free.memoryBytes(), allocatable.memoryBytes())));
  }

  /** Whether at least {@code reservePercent} is free; empty when the capacity is not known. */
  public Optional<Boolean> reserveMet(int reservePercent) {
    OptionalDouble free = freePercent();
    return free.isPresent() ? Optional.of(free.getAsDouble() >= reservePercent) : Optional.empty();
  }

  private static double percent(long part, long whole) {
    return part * 100.0 / whole;
  }
}
