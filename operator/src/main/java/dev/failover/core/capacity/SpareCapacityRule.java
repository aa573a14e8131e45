package dev.failover.core.capacity;

import dev.failover.core.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a data center has spare capacity for one policy's workload; the rule is in {@link
 * dev.failover.core.capacity the package documentation}.
 */
public final class SpareCapacityRule {
  private final Duration maxAge;

  /**
   * @param maxAge a measurement older than this is too old to judge by
   */
  public SpareCapacityRule(Duration maxAge) {
    this.maxAge = maxAge;
  }

  /**
   * @param measured the data center's latest measurement; empty when it has none
   * @param reservePercent the data center's spareCapacityPercent
   * @param extraDemand what a move there adds ({@link WorkloadDemand#extraWith}); empty when the
   *     workload's requests cannot be read
   */
  public CapacityVerdict judge(
      Optional<CapacitySnapshot> measured,
      int reservePercent,
      Optional<Resources> extraDemand,
      Instant now) {
    if (measured.isEmpty()) {
      return CapacityVerdict.unknown("capacity not measured yet");
    }
    CapacitySnapshot capacity = measured.get();
    Duration age = Duration.between(capacity.measuredAt(), now);
    if (age.compareTo(maxAge) > 0) {
      return CapacityVerdict.unknown(
          "capacity last measured "
              + DurationText.format(age.truncatedTo(ChronoUnit.SECONDS))
              + " ago, too long to judge by");
    }
    if (!capacity.known()) {
      return CapacityVerdict.unknown("no Ready, schedulable node with CPU and memory reported");
    }
    if (extraDemand.isEmpty()) {
      return CapacityVerdict.unknown("the workload's resource requests cannot be read");
    }
    Resources extra = extraDemand.get();
    if (extra.isNone()) {
      return CapacityVerdict.allowed("the move needs no more CPU or memory there");
    }
    double free = capacity.freePercent().orElseThrow();
    if (free < reservePercent) {
      return CapacityVerdict.refused(
          percent(free) + " free, below its reserve of " + reservePercent + "%");
    }
    if (!extra.fitsIn(capacity.free())) {
      return CapacityVerdict.refused(
          "the workload needs " + extra + " but only " + capacity.free() + " is free");
    }
    return CapacityVerdict.allowed(
        percent(free) + " free (reserve " + reservePercent + "%) and the workload fits");
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value);
  }
}
