package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Policies for the egress unit tests, written as the YAML a user would write. */
final class EgressPolicies {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private EgressPolicies() {}

  /** crm in shop: a Deployment, a StatefulSet with matchExpressions, a Service, a CronJob. */
  static FailoverPolicy crm(String disasterRecovery) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: crm, namespace: shop}
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          disasterRecovery: %s
          workload:
            criticalApplications: [crm-web]
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: crm-web, labels: {app: crm-web}}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: crm-web}}
                  template:
                    metadata: {labels: {app: crm-web, tier: web}}
                    spec: {containers: [{name: web, image: registry.example/crm:1.0}]}
              - apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: crm-db}
                spec:
                  serviceName: crm-db
                  selector:
                    matchLabels: {app: crm-db}
                    matchExpressions: [{key: role, operator: In, values: [primary]}]
                  template:
                    metadata: {labels: {app: crm-db, role: primary}}
                    spec: {containers: [{name: db, image: registry.example/db:1.0}]}
              - apiVersion: v1
                kind: Service
                metadata: {name: crm-web}
                spec:
                  selector: {app: crm-web}
                  ports: [{port: 80}]
              - apiVersion: batch/v1
                kind: CronJob
                metadata: {name: crm-report}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {job: crm-report}}
                        spec:
                          restartPolicy: Never
                          containers: [{name: report, image: registry.example/report:1.0}]
        """
            .formatted(disasterRecovery),
        FailoverPolicy.class);
  }

  static FailoverPolicy crm() {
    return crm(
        "{trigger: {manual: true}, egress: ControlledFailOpen, allowlist: [api.payments.example]}");
  }
}
