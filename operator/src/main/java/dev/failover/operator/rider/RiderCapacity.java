package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.CapacityScaling;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.common.UtilizationRecord;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterCapacity;
import dev.failover.core.vm.CapacityPlanning;
import dev.failover.core.vm.CapacityPlanning.Outcome;
import dev.failover.core.vm.CapacityPlanning.Sample;
import dev.failover.core.vm.CapacityPlanning.State;
import dev.failover.core.vm.PolicyPlacement;
import dev.failover.core.vm.UtilizationSample;
import dev.failover.operator.status.ConditionEvents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * An IaaS rider's capacity threshold: observe (the CPU utilization in the DataCenters' status,
 * which the operator measures every {@code FAILOVER_CAPACITY_INTERVAL}, 15 s by default) → decide
 * ({@link CapacityPlanning}) → the machines the planner places, the status, and an Event when a
 * machine is added or released. Its memory is the rider's status, so a restarted operator goes on
 * where it stopped.
 */
public final class RiderCapacity {
  static final String PROVISIONED = "CapacityProvisioned";
  static final String RELEASED = "CapacityReleased";

  private final ConditionEvents events;
  private final Clock clock;
  private final Duration interval;
  private final Duration cooldown;

  /**
   * @param interval how often the data centers' utilization is measured, so how often a rider with
   *     a threshold looks for a new sample
   * @param cooldown the least time between two changes of the added machines
   */
  public RiderCapacity(ConditionEvents events, Clock clock, Duration interval, Duration cooldown) {
    this.events = events;
    this.clock = clock;
    this.interval = interval;
    this.cooldown = cooldown;
  }

  /** How soon a rider with a threshold is reconciled again, for the next sample. */
  Duration interval() {
    return interval;
  }

  /**
   * @param status null when the rider has no threshold that may add machines
   */
  record Scaled(MachineTerms terms, CapacityScaling status) {}

  Scaled scale(
      HasMetadata rider,
      MachineTerms terms,
      List<PolicyPlacement> policies,
      Function<String, Optional<DataCenter>> dataCenters,
      RiderStatus stored) {
    if (terms.scaling().isEmpty()) {
      return new Scaled(terms, null);
    }
    MachineTerms.Scaling scaling = terms.scaling().get();
    State previous = state(stored == null ? null : stored.getCapacity());
    Map<String, UtilizationSample> latest = new HashMap<>();
    for (PolicyPlacement policy : policies) {
      for (String name : policy.dataCenters()) {
        dataCenters
            .apply(name)
            .flatMap(RiderCapacity::utilization)
            .ifPresent(sample -> latest.put(name, sample));
      }
    }
    Outcome outcome =
        CapacityPlanning.step(
            terms.machines(),
            terms.maxVirtualMachines(),
            policies,
            scaling.threshold(),
            scaling.maxAdditional(),
            latest,
            previous,
            cooldown,
            clock.instant());
    int added = outcome.state().additional();
    if (added != previous.additional()) {
      // Named by the rider's version the decision was made from: a retried or stale reconcile
      // repeats the same Event rather than adding one.
      events.normalOnce(
          rider,
          added > previous.additional() ? PROVISIONED : RELEASED,
          added + "." + rider.getMetadata().getResourceVersion(),
          outcome.reason() + "; " + added + " machine(s) beyond spec.virtualMachines now");
    }
    return new Scaled(terms.withMachines(outcome.machines()), status(outcome));
  }

  /** The data center's last CPU utilization figure, when it has one. */
  static Optional<UtilizationSample> utilization(DataCenter dataCenter) {
    DataCenterCapacity capacity =
        dataCenter.getStatus() == null ? null : dataCenter.getStatus().getCapacity();
    if (capacity == null
        || capacity.getCpuUtilizationPercent() == null
        || capacity.getUsageSampledAt() == null) {
      return Optional.empty();
    }
    return instant(capacity.getUsageSampledAt())
        .map(
            at ->
                new UtilizationSample(
                    at, Math.max(0, capacity.getCpuUtilizationPercent()), OptionalDouble.empty()));
  }

  private static State state(CapacityScaling status) {
    if (status == null) {
      return State.initial();
    }
    List<Sample> samples = new ArrayList<>();
    for (UtilizationRecord record : status.getSamples()) {
      Optional<Instant> at = instant(record.getAt());
      if (at.isPresent() && record.getCpuPercent() != null && record.getCpuPercent() >= 0) {
        samples.add(
            new Sample(
                record.getDataCenter(),
                new UtilizationSample(at.get(), record.getCpuPercent(), OptionalDouble.empty())));
      }
    }
    int added =
        status.getAdditionalMachines() == null ? 0 : Math.max(0, status.getAdditionalMachines());
    return new State(samples, added, instant(status.getLastChange()).orElse(null));
  }

  private static CapacityScaling status(Outcome outcome) {
    CapacityScaling status = new CapacityScaling();
    status.setAdditionalMachines(outcome.state().additional());
    status.setSamples(
        outcome.state().samples().stream()
            .map(
                s ->
                    new UtilizationRecord(
                        s.utilization().at().toString(),
                        Math.round(s.utilization().cpuPercent() * 10) / 10.0,
                        s.dataCenter()))
            .toList());
    status.setLastChange(
        outcome.state().lastChange() == null ? null : outcome.state().lastChange().toString());
    status.setMessage(outcome.reason());
    return status;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
