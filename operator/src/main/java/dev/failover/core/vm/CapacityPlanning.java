package dev.failover.core.vm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One step of an IaaS rider's capacity threshold: take the newest utilization sample of the data
 * centers its production machines run in, and let {@link CapacityScaler} decide how many machines
 * to add beyond the listed ones. The rules:
 *
 * <ul>
 *   <li>A sample is the <b>busiest</b> of those data centers (the point that runs out first), dated
 *       by the oldest of their figures. It is taken only when every one of them has a figure no
 *       older than {@link #FRESH}: a data center without one is unmeasured, not idle.
 *   <li>A sample is kept only when it is newer than the last one (metrics-server refreshes every 15
 *       s; asking more often must not count one figure twice), and for {@link #KEEP_FOR}.
 *   <li>When the number of added machines changes, the samples are cleared, and only figures taken
 *       after the change count: its effect is measured anew, never judged by the samples that
 *       caused it or by a figure taken before it.
 *   <li>Added machines copy the first listed production machine, named {@code <it>-extra-<n>}. They
 *       are production machines, so they run where the policies are active, and they come last in
 *       the license's order: the listed machines keep their places.
 * </ul>
 */
public final class CapacityPlanning {
  /** A figure older than this says nothing about now (metrics-server refreshes every 15 s). */
  public static final Duration FRESH = Duration.ofSeconds(90);

  /** Samples older than this are dropped: a gap in the data breaks a streak. */
  public static final Duration KEEP_FOR = Duration.ofMinutes(2);

  private static final int MAX_SAMPLES = 2 * CapacityScaler.SUSTAINED;

  private CapacityPlanning() {}

  /**
   * @param listed the rider's machines, in its order
   * @param latest each data center's newest utilization figure, where it has one
   * @param cooldown the least time between two changes of the added machines
   */
  public static Outcome step(
      List<MachineSpec> listed,
      int maxVirtualMachines,
      List<PolicyPlacement> policies,
      CapacityScaler.Threshold threshold,
      int maxAdditional,
      Map<String, UtilizationSample> latest,
      State previous,
      Duration cooldown,
      Instant now) {
    Optional<MachineSpec> template = listed.stream().filter(m -> !m.failover()).findFirst();
    if (template.isEmpty()) {
      return new Outcome(
          new State(List.of(), 0, previous.lastChange()),
          listed,
          "no production machine is listed to provision more of");
    }
    SortedSet<String> active =
        policies.stream()
            .map(PolicyPlacement::active)
            .flatMap(Optional::stream)
            .collect(Collectors.toCollection(TreeSet::new));
    if (active.isEmpty()) {
      return new Outcome(
          new State(List.of(), previous.additional(), previous.lastChange()),
          withExtras(listed, template.get(), previous.additional()),
          "no policy of the rider is active: nothing to measure");
    }
    Optional<Sample> observed = observe(active, latest, now);
    List<Sample> samples = keep(previous, observed, now);
    MachinePlan base = MachinePlanner.plan(listed, policies, maxVirtualMachines);
    // Each added machine runs in every data center where a policy is active.
    int licenseRoom = Math.max(0, maxVirtualMachines - base.running()) / active.size();
    CapacityScaler.CapacityDecision decision =
        CapacityScaler.decide(
            samples.stream().map(Sample::utilization).toList(),
            previous.additional(),
            threshold,
            maxAdditional,
            licenseRoom,
            previous.lastChange(),
            cooldown,
            now);
    String reason =
        observed.isPresent()
            ? decision.reason()
            : "no fresh utilization figure from "
                + unmeasured(active, latest, now)
                + "; "
                + decision.reason();
    boolean changed = decision.additionalMachines() != previous.additional();
    State next =
        changed
            ? new State(List.of(), decision.additionalMachines(), now)
            : new State(samples, previous.additional(), previous.lastChange());
    return new Outcome(next, withExtras(listed, template.get(), next.additional()), reason);
  }

  private static Optional<Sample> observe(
      Set<String> dataCenters, Map<String, UtilizationSample> latest, Instant now) {
    List<Sample> figures = new ArrayList<>();
    for (String dataCenter : dataCenters) {
      UtilizationSample figure = latest.get(dataCenter);
      if (figure == null || figure.at().plus(FRESH).isBefore(now)) {
        return Optional.empty();
      }
      figures.add(new Sample(dataCenter, figure));
    }
    Sample busiest =
        figures.stream()
            .max(Comparator.comparingDouble(s -> s.utilization().cpuPercent()))
            .orElseThrow();
    Instant oldest =
        figures.stream()
            .map(s -> s.utilization().at())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    return Optional.of(
        new Sample(
            busiest.dataCenter(),
            new UtilizationSample(
                oldest, busiest.utilization().cpuPercent(), OptionalDouble.empty())));
  }

  private static String unmeasured(
      Set<String> dataCenters, Map<String, UtilizationSample> latest, Instant now) {
    return dataCenters.stream()
        .filter(dc -> latest.get(dc) == null || latest.get(dc).at().plus(FRESH).isBefore(now))
        .collect(Collectors.joining(", "));
  }

  private static List<Sample> keep(State previous, Optional<Sample> observed, Instant now) {
    List<Sample> samples = new ArrayList<>(previous.samples());
    // Only figures taken after the last change measure the machines as they are now.
    observed
        .filter(
            next ->
                previous.lastChange() == null
                    || next.utilization().at().isAfter(previous.lastChange()))
        .filter(
            next ->
                samples.isEmpty()
                    || next.utilization()
                        .at()
                        .isAfter(samples.get(samples.size() - 1).utilization().at()))
        .ifPresent(samples::add);
    samples.removeIf(s -> s.utilization().at().plus(KEEP_FOR).isBefore(now));
    return List.copyOf(samples.subList(Math.max(0, samples.size() - MAX_SAMPLES), samples.size()));
  }

  /** The listed machines and {@code count} copies of {@code template}, with names of their own. */
  static List<MachineSpec> withExtras(List<MachineSpec> listed, MachineSpec template, int count) {
    Set<String> taken = listed.stream().map(MachineSpec::name).collect(Collectors.toSet());
    List<MachineSpec> machines = new ArrayList<>(listed);
    for (int n = 1; machines.size() < listed.size() + count; n++) {
      String suffix = "-extra-" + n;
      String base = template.name();
      // A DNS label: at most 63 characters, and not ending in '-' once cut.
      base = base.substring(0, Math.min(base.length(), 63 - suffix.length())).replaceAll("-+$", "");
      String name = base + suffix;
      if (taken.add(name)) {
        machines.add(
            new MachineSpec(
                name, template.size(), template.ioProfile(), template.storageGi(), false));
      }
    }
    return machines;
  }

  /** A utilization sample and the data center it is the busiest of. */
  public record Sample(String dataCenter, UtilizationSample utilization) {}

  /** What the threshold remembers between steps (the rider's status keeps it). */
  public record State(List<Sample> samples, int additional, Instant lastChange) {
    public State {
      samples = List.copyOf(samples);
      if (additional < 0) {
        throw new IllegalArgumentException("additional machines cannot be negative");
      }
    }

    public static State initial() {
      return new State(List.of(), 0, null);
    }
  }

  /**
   * @param machines the listed machines and the added ones: what the planner places
   */
  public record Outcome(State state, List<MachineSpec> machines, String reason) {
    public Outcome {
      machines = List.copyOf(machines);
    }
  }
}
