package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.PolicyDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The policies of the scale benchmark: spread over namespaces, a third of them (every third) active
 * in the data center that gets cut, the rest spread over the others; Hot, Warm and Cold standbys in
 * turn; 2 replicas; 5 to 10 objects per workload (the Deployment, a Service, a ServiceAccount, a
 * PodDisruptionBudget and 1 to 6 ConfigMaps). Each names two secondaries, the data centers after
 * its primary in turn, so a failover storm lands on every other data center.
 */
record ScaleFleet(int policies, int namespaces, List<String> dataCenters) {
  static final String NAMESPACE_PREFIX = "scale-";

  ScaleFleet {
    if (dataCenters.size() < 3) {
      throw new IllegalArgumentException("at least 3 data centers: a primary and 2 secondaries");
    }
    dataCenters = List.copyOf(dataCenters);
  }

  /** The data center a third of the policies run in: the one cut. */
  String cutDataCenter() {
    return dataCenters.get(0);
  }

  List<String> namespaceNames() {
    return IntStream.range(0, namespaces).mapToObj(ScaleFleet::namespace).toList();
  }

  List<PolicyDraft> drafts() {
    return IntStream.range(0, policies).mapToObj(this::draft).toList();
  }

  PolicyDraft draft(int index) {
    String primary = primary(index);
    List<String> secondaries = secondaries(index, primary);
    String name = String.format(Locale.ROOT, "p%04d", index);
    return PolicyDraft.of(namespace(index % namespaces), name)
        .withPlacement(PlacementStrategy.Priority, primary, secondaries.toArray(String[]::new))
        .withStandby(standby(index))
        .withAutomaticFailback("10s")
        .withDnsName(name + ".scale.example")
        .withExtraManifests(extraManifests(name, configMaps(index)));
  }

  static StandbyMode standby(int index) {
    StandbyMode[] modes = {StandbyMode.Hot, StandbyMode.Warm, StandbyMode.Cold};
    return modes[(index / 3) % modes.length];
  }

  /** Every third policy in the cut data center; the others round the rest. */
  String primary(int index) {
    if (index % 3 == 0) {
      return cutDataCenter();
    }
    List<String> others = dataCenters.subList(1, dataCenters.size());
    return others.get(index % others.size());
  }

  private List<String> secondaries(int index, String primary) {
    List<String> others = new ArrayList<>(dataCenters);
    others.remove(primary);
    int first = (index / 3) % others.size();
    return List.of(others.get(first), others.get((first + 1) % others.size()));
  }

  /** 1 to 6 ConfigMaps, so a workload has 5 to 10 objects. */
  static int configMaps(int index) {
    return 1 + index % 6;
  }

  static int objectsPerWorkload(int index) {
    return 4 + configMaps(index);
  }

  private static String extraManifests(String name, int configMaps) {
    String app = name + "-web";
    StringBuilder yaml = new StringBuilder();
    yaml.append(
        """
        - apiVersion: v1
          kind: Service
          metadata: {name: %s}
          spec: {clusterIP: None, selector: {app: %s}, ports: [{port: 80}]}
        - apiVersion: v1
          kind: ServiceAccount
          metadata: {name: %s}
        - apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: %s}
          spec: {minAvailable: 1, selector: {matchLabels: {app: %s}}}
        """
            .formatted(app, app, app, app, app));
    for (int i = 1; i <= configMaps; i++) {
      yaml.append(
          """
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: %s-config-%d}
            data: {setting: "%d"}
          """
              .formatted(app, i, i));
    }
    return yaml.toString();
  }

  private static String namespace(int index) {
    return String.format(Locale.ROOT, "%s%02d", NAMESPACE_PREFIX, index);
  }
}
