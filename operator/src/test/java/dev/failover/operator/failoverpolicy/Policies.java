package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Policies and data centers for the unit tests, written as the YAML a user would write. */
final class Policies {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Policies() {}

  /** crm in shop: a Deployment of 3, a StatefulSet without replicas, a Service elsewhere. */
  static FailoverPolicy crm() {
    return policy(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata:
          name: crm
          namespace: shop
          uid: 6f1c1d3e-0000-4000-8000-000000000001
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          workload:
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: crm-web
                  labels: {app: crm-web}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: crm-web}}
                  template:
                    metadata: {labels: {app: crm-web}}
                    spec: {containers: [{name: web, image: registry.example/crm:1.0}]}
              - apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: crm-db}
                spec:
                  serviceName: crm-db
                  selector: {matchLabels: {app: crm-db}}
                  template:
                    metadata: {labels: {app: crm-db}}
                    spec: {containers: [{name: db, image: registry.example/db:1.0}]}
              - apiVersion: v1
                kind: Service
                metadata: {name: crm-web, namespace: edge}
                spec:
                  selector: {app: crm-web}
                  ports: [{port: 80, targetPort: 8080}]
        """);
  }

  static FailoverPolicy policy(String yaml) {
    return SERIALIZATION.unmarshal(yaml, FailoverPolicy.class);
  }

  static DataCenter dataCenter(String name, String ingressAddress) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: DataCenter
        metadata: {name: %s}
        spec:
          kubeconfigSecretRef: {name: %s-kubeconfig, namespace: failover-system}
          region: ca-central
          ingressAddress: %s
        """
            .formatted(name, name, ingressAddress),
        DataCenter.class);
  }
}
