package dev.failover.e2e.bench;

import java.util.Locale;

/** The benchmark's policy: a 2-replica Deployment, Priority placement, manual failback. */
final class BenchPolicy {
  private BenchPolicy() {}

  static String name(String standby) {
    return "bench-" + standby.toLowerCase(Locale.ROOT);
  }

  static String yaml(String namespace, String standby) {
    String name = name(standby);
    return """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: %2$s, namespace: %1$s}
        spec:
          riderRef: {kind: SaasRider, name: bench}
          workload:
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, labels: {app: %2$s}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: %2$s}}
                  template:
                    metadata: {labels: {app: %2$s}}
                    spec:
                      containers: [{name: web, image: registry.example/web:1.0}]
          placement: {strategy: Priority, primary: toronto, secondaries: [chicago, washington]}
          traffic: {dnsName: %2$s.bench.example}
          standby: %3$s
          objectives: {availabilityTargetPercent: 99.5, slaPercent: 99.9, rto: 2m}
          failback: {mode: Manual}
        """
        .formatted(namespace, name, standby);
  }
}
