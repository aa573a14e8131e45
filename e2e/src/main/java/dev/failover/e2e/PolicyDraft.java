package dev.failover.e2e;

import dev.failover.api.v1alpha1.failoverpolicy.ActionType;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * A FailoverPolicy for end-to-end tests, written as the YAML a user would write: one Deployment
 * ({@value #DEPLOYMENT}, two replicas) placed over the world's data centers. Immutable; each {@code
 * with…} returns a changed copy, so a test can re-apply its policy with one field changed.
 */
public record PolicyDraft(
    String namespace,
    String name,
    PlacementStrategy strategy,
    String primary,
    List<String> secondaries,
    StandbyMode standby,
    FailbackMode failbackMode,
    String stabilizationWindow,
    String actionId,
    ActionType actionType,
    String actionTarget,
    String detection,
    String healthEndpoint) {

  /** The Deployment every drafted policy runs. */
  public static final String DEPLOYMENT = "web";

  public static final int REPLICAS = 2;

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * Priority placement toronto, then chicago, then washington; Hot standby; Automatic failback
   * without a stabilization window; no action.
   */
  public static PolicyDraft of(String namespace, String name) {
    return new PolicyDraft(
        namespace,
        name,
        PlacementStrategy.Priority,
        "toronto",
        List.of("chicago", "washington"),
        StandbyMode.Hot,
        FailbackMode.Automatic,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public PolicyDraft withPlacement(
      PlacementStrategy strategy, String primary, String... secondaries) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        List.of(secondaries),
        standby,
        failbackMode,
        stabilizationWindow,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  public PolicyDraft withStandby(StandbyMode standby) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        failbackMode,
        stabilizationWindow,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  /** Automatic failback once the primary has been Healthy for this long, e.g. {@code 3s}. */
  public PolicyDraft withAutomaticFailback(String stabilizationWindow) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        FailbackMode.Automatic,
        stabilizationWindow,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  public PolicyDraft withManualFailback() {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        FailbackMode.Manual,
        null,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  /** {@code spec.action {id, type: FailoverTo, target}}. */
  public PolicyDraft withFailoverTo(String id, String target) {
    return withAction(id, ActionType.FailoverTo, target);
  }

  /** {@code spec.action {id, type: Failback}}. */
  public PolicyDraft withFailback(String id) {
    return withAction(id, ActionType.Failback, null);
  }

  private PolicyDraft withAction(String id, ActionType type, String target) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        failbackMode,
        stabilizationWindow,
        id,
        type,
        target,
        detection,
        healthEndpoint);
  }

  /**
   * {@code spec.detection} as flow YAML, e.g. {@code {failureThreshold: 2, probeInterval: 500ms}}.
   */
  public PolicyDraft withDetection(String detection) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        failbackMode,
        stabilizationWindow,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  /** {@code spec.workload.healthEndpoint} as flow YAML, e.g. {@code {port: 8080, path: /ok}}. */
  public PolicyDraft withHealthEndpoint(String healthEndpoint) {
    return new PolicyDraft(
        namespace,
        name,
        strategy,
        primary,
        secondaries,
        standby,
        failbackMode,
        stabilizationWindow,
        actionId,
        actionType,
        actionTarget,
        detection,
        healthEndpoint);
  }

  public FailoverPolicy build() {
    return SERIALIZATION.unmarshal(yaml(), FailoverPolicy.class);
  }

  /** The policy as YAML, for failure messages and for applying with kubectl by hand. */
  public String yaml() {
    StringBuilder failback = new StringBuilder("{mode: " + failbackMode);
    if (stabilizationWindow != null) {
      failback.append(", stabilizationWindow: ").append(stabilizationWindow);
    }
    failback.append('}');
    String action =
        actionId == null
            ? ""
            : "  action: {id: %s, type: %s%s}\n"
                .formatted(
                    actionId, actionType, actionTarget == null ? "" : ", target: " + actionTarget);
    return """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: %s, namespace: %s}
        spec:
          riderRef: {kind: SaasRider, name: %s}
          placement: {strategy: %s, primary: %s, secondaries: [%s]}
          standby: %s
          failback: %s
        %s  workload:
        %s    manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, labels: {app: %s}}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: web, image: registry.example/web:1.0}]}
        %s"""
        .formatted(
            name,
            namespace,
            name,
            strategy,
            primary,
            String.join(", ", secondaries),
            standby,
            failback,
            detection == null ? "" : "  detection: " + detection + "\n",
            healthEndpoint == null ? "" : "    healthEndpoint: " + healthEndpoint + "\n",
            DEPLOYMENT,
            DEPLOYMENT,
            REPLICAS,
            DEPLOYMENT,
            DEPLOYMENT,
            action);
  }
}
