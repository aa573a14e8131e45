package dev.failover.operator.rider;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a data center serves {@code kubevirt.io/v1 virtualmachines}, from its discovery, asked at
 * most once a minute per data center: installing or removing KubeVirt is rare, and every rider
 * reconcile asks. A VirtualMachine call answered 404 forgets the answer at once.
 */
public final class KubeVirtDiscovery {
  static final Duration REFRESH = Duration.ofSeconds(60);

  private final Clock clock;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  public KubeVirtDiscovery(Clock clock) {
    this.clock = clock;
  }

  private record Answer(boolean served, Instant at) {}

  /**
   * @throws KubernetesClientException when discovery itself fails (the data center is not
   *     answering): unknown, not "not served"
   */
  boolean served(String dataCenter, KubernetesClient client) {
    Instant now = clock.instant();
    Answer known = answers.get(dataCenter);
    if (known != null && known.at().plus(REFRESH).isAfter(now)) {
      return known.served();
    }
    boolean served = ask(client);
    answers.put(dataCenter, new Answer(served, now));
    return served;
  }

  void forget(String dataCenter) {
    answers.remove(dataCenter);
  }

  private static boolean ask(KubernetesClient client) {
    try {
      APIResourceList resources =
          client.getApiResources(
              VirtualMachineManifest.KUBEVIRT_VM.getGroup()
                  + "/"
                  + VirtualMachineManifest.KUBEVIRT_VM.getVersion());
      return resources != null
          && resources.getResources() != null
          && resources.getResources().stream()
              .anyMatch(r -> VirtualMachineManifest.KUBEVIRT_VM.getPlural().equals(r.getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }
}
