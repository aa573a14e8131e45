package dev.failover.e2e.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The phases a data center went through during a scenario, told briefly for a table cell. */
record PhaseStory(List<String> phases) {
  private static final int SPELLED_OUT = 4;

  PhaseStory {
    phases = List.copyOf(phases);
  }

  int changes() {
    return Math.max(0, phases.size() - 1);
  }

  /**
   * {@code Healthy} when nothing changed; a few changes spelled out ({@code Healthy → Degraded →
   * Healthy}); more as counts of the phases entered ({@code Healthy, then 12 changes: Unreachable
   * 4, Restoring 4, Probation 3, Healthy 1}).
   */
  String describe() {
    if (phases.isEmpty()) {
      return "(not read)";
    }
    if (changes() <= SPELLED_OUT) {
      return String.join(" → ", phases);
    }
    Map<String, Long> entered =
        phases.subList(1, phases.size()).stream()
            .collect(
                Collectors.groupingBy(phase -> phase, LinkedHashMap::new, Collectors.counting()));
    return phases.get(0)
        + ", then "
        + changes()
        + " changes: "
        + entered.entrySet().stream()
            .map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(", "));
  }
}
