package dev.failover.core.capacity;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pod asks the scheduler for, by the scheduler's own rule: the containers' requests added
 * up, sidecars (init containers that keep running, {@code restartPolicy: Always}) added to them,
 * and at least the largest ordinary init container together with the sidecars started before it.
 * Pod-level resources ({@code spec.resources}), where set, replace that sum for their resource. The
 * pod's {@code overhead} comes on top. A request left out but a limit given asks for the limit, as
 * the API server defaults it.
 */
public final class PodRequests {
  private static final String CPU = "cpu";
  private static final String MEMORY = "memory";
  private static final String SIDECAR = "Always";

  private PodRequests() {}

  /**
   * @throws IllegalArgumentException when a request or limit is not a quantity
   */
  public static Resources of(PodSpec spec) {
    Resources sidecars = Resources.NONE;
    Resources initPeak = Resources.NONE;
    for (Container init : list(spec.getInitContainers())) {
      if (SIDECAR.equals(init.getRestartPolicy())) {
        sidecars = sidecars.plus(asked(init.getResources()));
        initPeak = initPeak.max(sidecars);
      } else {
        initPeak = initPeak.max(sidecars.plus(asked(init.getResources())));
      }
    }
    Resources running = sidecars;
    for (Container container : list(spec.getContainers())) {
      running = running.plus(asked(container.getResources()));
    }
    Resources containers = running.max(initPeak);
    Map<String, Quantity> podLevel = askedQuantities(spec.getResources());
    Resources pod =
        new Resources(
            podLevel.containsKey(CPU) ? cpu(podLevel) : containers.cpuMillis(),
            podLevel.containsKey(MEMORY) ? memory(podLevel) : containers.memoryBytes());
    return pod.plus(amounts(spec.getOverhead()));
  }

  /** CPU and memory of a resource list such as a node's allocatable or a pod's overhead. */
  static Resources amounts(Map<String, Quantity> resources) {
    Map<String, Quantity> present = resources == null ? Map.of() : resources;
    return new Resources(cpu(present), memory(present));
  }

  private static Resources asked(ResourceRequirements resources) {
    return amounts(askedQuantities(resources));
  }

  /** Requests, with limits standing in for the requests left out. */
  private static Map<String, Quantity> askedQuantities(ResourceRequirements resources) {
    Map<String, Quantity> asked = new HashMap<>();
    if (resources != null) {
      if (resources.getLimits() != null) {
        asked.putAll(resources.getLimits());
      }
      if (resources.getRequests() != null) {
        asked.putAll(resources.getRequests());
      }
    }
    return asked;
  }

  private static long cpu(Map<String, Quantity> resources) {
    Quantity cpu = resources.get(CPU);
    return cpu == null ? 0 : QuantityText.cpuMillis(cpu);
  }

  private static long memory(Map<String, Quantity> resources) {
    Quantity memory = resources.get(MEMORY);
    return memory == null ? 0 : QuantityText.bytes(memory);
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }
}
