package dev.failover.core.capacity;

/**
 * An amount of the two resources the scheduler always accounts for: CPU in millicores and memory in
 * bytes. Never negative.
 */
public record Resources(long cpuMillis, long memoryBytes) {
  public static final Resources NONE = new Resources(0, 0);

  public Resources {
    if (cpuMillis < 0 || memoryBytes < 0) {
      throw new IllegalArgumentException(
          "resources cannot be negative: cpu " + cpuMillis + "m, memory " + memoryBytes);
    }
  }

  public Resources plus(Resources other) {
    return new Resources(
        Math.addExact(cpuMillis, other.cpuMillis), Math.addExact(memoryBytes, other.memoryBytes));
  }

  /** What is left of this after {@code other}, never below zero. */
  public Resources minus(Resources other) {
    return new Resources(
        Math.max(0, cpuMillis - other.cpuMillis), Math.max(0, memoryBytes - other.memoryBytes));
  }

  public Resources times(int count) {
    return new Resources(
        Math.multiplyExact(cpuMillis, count), Math.multiplyExact(memoryBytes, count));
  }

  /** The larger of each resource. */
  public Resources max(Resources other) {
    return new Resources(
        Math.max(cpuMillis, other.cpuMillis), Math.max(memoryBytes, other.memoryBytes));
  }

  public boolean isNone() {
    return cpuMillis == 0 && memoryBytes == 0;
  }

  /** Each resource is at most what {@code available} has of it. */
  public boolean fitsIn(Resources available) {
    return cpuMillis <= available.cpuMillis && memoryBytes <= available.memoryBytes;
  }

  @Override
  public String toString() {
    return "cpu " + QuantityText.cpu(cpuMillis) + ", memory " + QuantityText.memory(memoryBytes);
  }
}
