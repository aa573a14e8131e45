package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a test's faults can act on in the test namespace, by kind of fault: workloads (for pods and
 * scaling), Services and ConfigMaps, each sorted so that a seed replays the same choices.
 */
public record FaultTargets(List<String> workloads, List<String> services, List<String> configMaps) {
  public FaultTargets {
    workloads = workloads.stream().sorted().toList();
    services = services.stream().sorted().toList();
    configMaps = configMaps.stream().sorted().toList();
  }

  /** The targets of each kind, for the kinds that have any. */
  Map<FaultKind, List<String>> byKind() {
    Map<FaultKind, List<String>> targets = new TreeMap<>();
    for (FaultKind kind : FaultKind.values()) {
      List<String> names =
          switch (kind) {
            case DeletePod, ScaleToZero -> workloads;
            case DeleteService -> services;
            case DeleteConfigMap -> configMaps;
          };
      if (!names.isEmpty()) {
        targets.put(kind, names);
      }
    }
    return targets;
  }
}
