package dev.failover.core.vm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The IaaS performance-threshold policy: when to provision one more machine beyond the rider's
 * list, and when to release one. Never on a single sample: utilization must stay over a threshold
 * for {@link #SUSTAINED} consecutive samples to add a machine, and under it by {@link #HYSTERESIS}
 * points for as many to release one; after a change, a cooldown ({@link #COOLDOWN} unless {@code
 * FAILOVER_CAPACITY_COOLDOWN} says otherwise) passes before the next, so a new machine's effect is
 * measured before another is added.
 */
public final class CapacityScaler {
  /** Consecutive samples that must agree. */
  public static final int SUSTAINED = 3;

  /** Points under the threshold utilization must fall to before a machine is released. */
  public static final int HYSTERESIS = 20;

  /** The default cooldown. */
  public static final Duration COOLDOWN = Duration.ofMinutes(1);

  private CapacityScaler() {}

  /**
   * @param recent the latest samples, oldest first
   * @param current machines added so far
   * @param maxAdditional {@code capacityThreshold.maxAdditionalVirtualMachines}
   * @param licenseRoom machines the license allows beyond the listed ones
   * @param lastChange when {@code current} last changed; null if never
   * @param cooldown the least time from {@code lastChange} to the next change
   */
  public static CapacityDecision decide(
      List<UtilizationSample> recent,
      int current,
      Threshold threshold,
      int maxAdditional,
      int licenseRoom,
      Instant lastChange,
      Duration cooldown,
      Instant now) {
    int ceiling = Math.max(0, Math.min(maxAdditional, licenseRoom));
    if (current > ceiling) {
      return new CapacityDecision(
          ceiling,
          "released to "
              + ceiling
              + ": maxAdditionalVirtualMachines and the license allow no more than that");
    }
    if (recent.size() < SUSTAINED) {
      return new CapacityDecision(
          current, "measuring: " + recent.size() + " of " + SUSTAINED + " samples so far");
    }
    List<UtilizationSample> window = recent.subList(recent.size() - SUSTAINED, recent.size());
    boolean coolingDown = lastChange != null && lastChange.plus(cooldown).isAfter(now);
    if (window.stream().allMatch(threshold::over)) {
      if (current >= ceiling) {
        return new CapacityDecision(
            current,
            "over the threshold for "
                + SUSTAINED
                + " samples, but "
                + (maxAdditional <= licenseRoom
                    ? "maxAdditionalVirtualMachines (" + maxAdditional + ")"
                    : "license.maxVirtualMachines (room for " + licenseRoom + ")")
                + " is reached");
      }
      return coolingDown
          ? new CapacityDecision(current, "over the threshold; waiting out the cooldown")
          : new CapacityDecision(
              current + 1,
              "provisioned: over the threshold for "
                  + SUSTAINED
                  + " samples ("
                  + show(window)
                  + ")");
    }
    if (current > 0 && window.stream().allMatch(threshold::wellUnder)) {
      return coolingDown
          ? new CapacityDecision(current, "under the threshold; waiting out the cooldown")
          : new CapacityDecision(
              current - 1,
              "released: under the threshold by "
                  + HYSTERESIS
                  + " points for "
                  + SUSTAINED
                  + " samples ("
                  + show(window)
                  + ")");
    }
    return new CapacityDecision(current, "within the threshold (" + show(window) + ")");
  }

  private static String show(List<UtilizationSample> window) {
    return window.stream()
        .map(
            s ->
                "cpu "
                    + Math.round(s.cpuPercent())
                    + "%"
                    + (s.ioPercent().isPresent()
                        ? " io " + Math.round(s.ioPercent().getAsDouble()) + "%"
                        : ""))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  /** The rider's thresholds, in percent. I/O counts only where it is measured. */
  public record Threshold(int cpuPercent, int ioPercent) {
    boolean over(UtilizationSample sample) {
      return sample.cpuPercent() >= cpuPercent
          || (sample.ioPercent().isPresent() && sample.ioPercent().getAsDouble() >= ioPercent);
    }

    boolean wellUnder(UtilizationSample sample) {
      return sample.cpuPercent() < cpuPercent - HYSTERESIS
          && (sample.ioPercent().isEmpty()
              || sample.ioPercent().getAsDouble() < ioPercent - HYSTERESIS);
    }
  }

  /** How many machines to add beyond the list, and why. */
  public record CapacityDecision(int additionalMachines, String reason) {}
}
