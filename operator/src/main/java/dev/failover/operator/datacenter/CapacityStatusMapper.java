package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterCapacity;
import dev.failover.core.capacity.CapacitySnapshot;
import dev.failover.core.capacity.CpuUsage;
import dev.failover.core.capacity.QuantityText;
import dev.failover.core.capacity.Resources;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A capacity measurement in a DataCenter's status, and back: the status is what policies judge by,
 * and what a restarted operator starts from.
 */
public final class CapacityStatusMapper {
  /** The CRD's default for spec.spareCapacityPercent. */
  private static final int DEFAULT_RESERVE_PERCENT = 20;

  private CapacityStatusMapper() {}

  public static DataCenterCapacity toStatus(CapacitySnapshot snapshot, int reservePercent) {
    DataCenterCapacity status = new DataCenterCapacity();
    status.setAllocatableCpu(QuantityText.cpu(snapshot.allocatable().cpuMillis()));
    status.setAllocatableMemory(QuantityText.memory(snapshot.allocatable().memoryBytes()));
    status.setRequestedCpu(QuantityText.cpu(snapshot.requested().cpuMillis()));
    status.setRequestedMemory(QuantityText.memory(snapshot.requested().memoryBytes()));
    status.setReadyNodes(snapshot.readyNodes());
    // Rounded down, so that 19.96% free under a 20% reserve never reads as 20.0.
    snapshot.freePercent().ifPresent(free -> status.setFreePercent(Math.floor(free * 10) / 10));
    snapshot.reserveMet(reservePercent).ifPresent(status::setReserveMet);
    status.setMeasuredAt(snapshot.measuredAt().truncatedTo(ChronoUnit.MILLIS).toString());
    snapshot
        .cpuUsage()
        .ifPresent(
            usage -> {
              status.setUsedCpu(QuantityText.cpu(usage.usedMillis()));
              status.setUsageSampledAt(usage.sampledAt().toString());
            });
    snapshot
        .cpuUtilizationPercent()
        .ifPresent(used -> status.setCpuUtilizationPercent(Math.round(used * 10) / 10.0));
    return status;
  }

  /** Empty when there is no measurement, or one this operator cannot read. */
  public static Optional<CapacitySnapshot> fromStatus(DataCenterCapacity status) {
    if (status == null || status.getMeasuredAt() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new CapacitySnapshot(
              new Resources(
                  QuantityText.cpuMillis(status.getAllocatableCpu()),
                  QuantityText.bytes(status.getAllocatableMemory())),
              new Resources(
                  QuantityText.cpuMillis(status.getRequestedCpu()),
                  QuantityText.bytes(status.getRequestedMemory())),
              status.getReadyNodes() == null ? 0 : status.getReadyNodes(),
              Instant.parse(status.getMeasuredAt()),
              cpuUsage(status)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<CpuUsage> cpuUsage(DataCenterCapacity status) {
    return status.getUsedCpu() == null || status.getUsageSampledAt() == null
        ? Optional.empty()
        : Optional.of(
            new CpuUsage(
                QuantityText.cpuMillis(status.getUsedCpu()),
                Instant.parse(status.getUsageSampledAt())));
  }

  public static int reservePercent(DataCenter dataCenter) {
    Integer reserve = dataCenter.getSpec().getSpareCapacityPercent();
    return reserve == null ? DEFAULT_RESERVE_PERCENT : reserve;
  }
}
