package dev.failover.api.v1alpha1.chaosrestoretest;

/** The ways a chaos restore test stops resources and services. */
public enum FaultKind {
  /** Delete one pod of the workload. */
  DeletePod,
  /** Scale one Deployment or StatefulSet to zero replicas. */
  ScaleToZero,
  /** Delete one Service. */
  DeleteService,
  /** Delete one ConfigMap. */
  DeleteConfigMap
}
