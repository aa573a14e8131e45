package dev.failover.core.capacity;

import java.time.Instant;
import java.util.Objects;

/**
 * CPU the usable nodes of a data center are busy with, as its metrics API last reported it.
 *
 * @param usedMillis millicores in use, summed over the nodes
 * @param sampledAt when the oldest of the nodes' figures was taken: a newer time means new data
 */
public record CpuUsage(long usedMillis, Instant sampledAt) {
  public CpuUsage {
    Objects.requireNonNull(sampledAt, "sampledAt");
    if (usedMillis < 0) {
      throw new IllegalArgumentException("CPU usage cannot be negative: " + usedMillis + "m");
    }
  }
}
