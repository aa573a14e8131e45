package dev.failover.e2e;

import dev.failover.api.v1alpha1.failoverpolicy.ActionType;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A FailoverPolicy for end-to-end tests and the benchmark, written as the YAML a user would write:
 * one Deployment of {@value #REPLICAS} replicas of a fake image (kwok's fake nodes make it
 * Available), named after the policy, placed over the world's data centers. Immutable to its users;
 * each {@code with…} returns a changed copy, so a test can re-apply its policy with one field
 * changed.
 */
public final class PolicyDraft {
  public static final int REPLICAS = 2;

  /** Deleting a namespace waits for the namespace controller to empty it first. */
  private static final Duration GONE_WITHIN = Duration.ofMinutes(2);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String namespace;
  private final String name;
  private PlacementStrategy strategy = PlacementStrategy.Priority;
  private String primary = "toronto";
  private List<String> secondaries = List.of("chicago", "washington");
  private StandbyMode standby = StandbyMode.Hot;
  private FailbackMode failbackMode = FailbackMode.Automatic;
  private String stabilizationWindow;
  private boolean requireRestoreTest;
  private String actionId;
  private ActionType actionType;
  private String actionTarget;
  private String detection;
  private String healthEndpoint;
  private int minReadySeconds;
  private String dnsName;
  private String requests;
  private String extraManifests = "";
  private String riderKind = "SaasRider";
  private String riderName;
  private String applicationType;
  private String rto;
  private String disasterRecovery;
  private List<String> criticalApplications = List.of();

  private PolicyDraft(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /**
   * Priority placement toronto, then chicago, then washington; Hot standby; Automatic failback
   * without a stabilization window; no action.
   */
  public static PolicyDraft of(String namespace, String name) {
    return new PolicyDraft(namespace, name);
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The workload's Deployment, named after the policy so policies can share a namespace. */
  public String deployment() {
    return name + "-web";
  }

  public StandbyMode standbyMode() {
    return standby;
  }

  public PolicyDraft withPlacement(
      PlacementStrategy strategy, String primary, String... secondaries) {
    return changed(
        draft -> {
          draft.strategy = strategy;
          draft.primary = primary;
          draft.secondaries = List.of(secondaries);
        });
  }

  /** Runs under this rider; by default a SaasRider named after the policy, which need not exist. */
  public PolicyDraft withRider(String kind, String name) {
    return changed(
        draft -> {
          draft.riderKind = kind;
          draft.riderName = name;
        });
  }

  /** The workload's {@code applicationType}, which the rider's license may not allow. */
  public PolicyDraft withApplicationType(String type) {
    return changed(draft -> draft.applicationType = type);
  }

  /**
   * {@code spec.disasterRecovery} as flow YAML, e.g. {@code {trigger: {manual: true}, egress:
   * FailOpen}}.
   */
  public PolicyDraft withDisasterRecovery(String disasterRecovery) {
    return changed(draft -> draft.disasterRecovery = disasterRecovery);
  }

  /** {@code spec.workload.criticalApplications}: manifest names kept running in DR mode. */
  public PolicyDraft withCriticalApplications(String... names) {
    return changed(draft -> draft.criticalApplications = List.of(names));
  }

  /** {@code spec.objectives.rto}, e.g. {@code 30s}. */
  public PolicyDraft withRto(String rto) {
    return changed(draft -> draft.rto = rto);
  }

  public PolicyDraft withStandby(StandbyMode standby) {
    return changed(draft -> draft.standby = standby);
  }

  /** Automatic failback once the primary has been Healthy for this long, e.g. {@code 3s}. */
  public PolicyDraft withAutomaticFailback(String stabilizationWindow) {
    return changed(
        draft -> {
          draft.failbackMode = FailbackMode.Automatic;
          draft.stabilizationWindow = stabilizationWindow;
        });
  }

  public PolicyDraft withManualFailback() {
    return changed(
        draft -> {
          draft.failbackMode = FailbackMode.Manual;
          draft.stabilizationWindow = null;
        });
  }

  /** {@code failback.requireRestoreTest: true}: failback waits for a passed restore test. */
  public PolicyDraft withRequireRestoreTest() {
    return changed(draft -> draft.requireRestoreTest = true);
  }

  /** {@code spec.action {id, type: FailoverTo, target}}. */
  public PolicyDraft withFailoverTo(String id, String target) {
    return withAction(id, ActionType.FailoverTo, target);
  }

  /** {@code spec.action {id, type: Failback}}. */
  public PolicyDraft withFailback(String id) {
    return withAction(id, ActionType.Failback, null);
  }

  /** {@code spec.detection} as flow YAML, e.g. {@code {failureThreshold: 2, probeInterval: 1s}}. */
  public PolicyDraft withDetection(String detection) {
    return changed(draft -> draft.detection = detection);
  }

  /** {@code spec.workload.healthEndpoint} as flow YAML, e.g. {@code {port: 8080, path: /ok}}. */
  public PolicyDraft withHealthEndpoint(String healthEndpoint) {
    return changed(draft -> draft.healthEndpoint = healthEndpoint);
  }

  /**
   * Pods count as available only this long after they are ready: a workload that is slow to become
   * Available wherever it is scaled up.
   */
  public PolicyDraft withMinReadySeconds(int seconds) {
    return changed(draft -> draft.minReadySeconds = seconds);
  }

  /** {@code spec.traffic.dnsName}; without it the CRD's default name is published. */
  public PolicyDraft withDnsName(String dnsName) {
    return changed(draft -> draft.dnsName = dnsName);
  }

  /** Every pod asks for this much CPU and memory, e.g. {@code "1"} and {@code "1Gi"}. */
  public PolicyDraft withRequests(String cpu, String memory) {
    return changed(
        draft ->
            draft.requests =
                ", resources: {requests: {cpu: \"%s\", memory: \"%s\"}}".formatted(cpu, memory));
  }

  /**
   * More manifests after the Deployment, as YAML list items, e.g. {@code - {apiVersion: v1, kind:
   * ConfigMap, metadata: {name: x}}}.
   */
  public PolicyDraft withExtraManifests(String yamlItems) {
    return changed(draft -> draft.extraManifests = yamlItems);
  }

  private PolicyDraft withAction(String id, ActionType type, String target) {
    return changed(
        draft -> {
          draft.actionId = id;
          draft.actionType = type;
          draft.actionTarget = target;
        });
  }

  private PolicyDraft changed(Consumer<PolicyDraft> change) {
    PolicyDraft copy = new PolicyDraft(namespace, name);
    copy.strategy = strategy;
    copy.primary = primary;
    copy.secondaries = secondaries;
    copy.standby = standby;
    copy.failbackMode = failbackMode;
    copy.stabilizationWindow = stabilizationWindow;
    copy.requireRestoreTest = requireRestoreTest;
    copy.actionId = actionId;
    copy.actionType = actionType;
    copy.actionTarget = actionTarget;
    copy.detection = detection;
    copy.healthEndpoint = healthEndpoint;
    copy.minReadySeconds = minReadySeconds;
    copy.dnsName = dnsName;
    copy.requests = requests;
    copy.extraManifests = extraManifests;
    copy.riderKind = riderKind;
    copy.riderName = riderName;
    copy.applicationType = applicationType;
    copy.rto = rto;
    copy.disasterRecovery = disasterRecovery;
    copy.criticalApplications = criticalApplications;
    change.accept(copy);
    return copy;
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
    if (requireRestoreTest) {
      failback.append(", requireRestoreTest: true");
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
          riderRef: {kind: %s, name: %s}
          placement: {strategy: %s, primary: %s, secondaries: [%s]}
          standby: %s
          failback: %s
        %s%s  workload:
        %s    manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, labels: {app: %s}}
                spec:
                  replicas: %d
                  minReadySeconds: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: web, image: registry.example/web:1.0%s}]}
        %s%s"""
        .formatted(
            name,
            namespace,
            riderKind,
            riderName == null ? name : riderName,
            strategy,
            primary,
            String.join(", ", secondaries),
            standby,
            failback,
            detection == null ? "" : "  detection: " + detection + "\n",
            (dnsName == null ? "" : "  traffic: {dnsName: " + dnsName + "}\n")
                + (rto == null ? "" : "  objectives: {rto: " + rto + "}\n")
                + (disasterRecovery == null
                    ? ""
                    : "  disasterRecovery: " + disasterRecovery + "\n"),
            (healthEndpoint == null ? "" : "    healthEndpoint: " + healthEndpoint + "\n")
                + (applicationType == null ? "" : "    applicationType: " + applicationType + "\n")
                + (criticalApplications.isEmpty()
                    ? ""
                    : "    criticalApplications: ["
                        + String.join(", ", criticalApplications)
                        + "]\n"),
            deployment(),
            deployment(),
            REPLICAS,
            minReadySeconds,
            deployment(),
            deployment(),
            requests == null ? "" : requests,
            extraManifests.isEmpty() ? "" : extraManifests.stripTrailing().indent(6),
            action);
  }

  /** Creates the namespace in the hub if needed and applies the policy; returns its watch. */
  public PolicyWatch applyTo(FailoverWorld world) {
    ServerSideApply.namespace(world.hub(), namespace);
    world.apply(build());
    return new PolicyWatch(world, namespace, name);
  }

  /**
   * Deletes the policy from the hub and its Deployment from every data center, and waits until they
   * are gone, so the next test starts clean. When no other policy is left in its namespace, the
   * namespace goes too, from the hub and from every data center (the operator creates it there).
   * Tries every step, then fails naming whatever it could not remove: a leftover is reported, not
   * swallowed.
   */
  public void deleteFrom(FailoverWorld world) {
    List<String> problems = new ArrayList<>();
    try {
      var policy =
          world.hub().resources(FailoverPolicy.class).inNamespace(namespace).withName(name);
      policy.delete();
      policy.waitUntilCondition(Objects::isNull, GONE_WITHIN.toSeconds(), TimeUnit.SECONDS);
    } catch (KubernetesClientException e) {
      problems.add("policy " + namespace + "/" + name + " in the hub: " + e.getMessage());
    }
    for (DataCenterPlan plan : world.plans()) {
      try {
        var deployment =
            world
                .dataCenter(plan.name())
                .client()
                .resources(Deployment.class)
                .inNamespace(namespace)
                .withName(deployment());
        deployment.delete();
        deployment.waitUntilCondition(Objects::isNull, GONE_WITHIN.toSeconds(), TimeUnit.SECONDS);
      } catch (KubernetesClientException e) {
        problems.add(
            "Deployment "
                + namespace
                + "/"
                + deployment()
                + " in "
                + plan.name()
                + ": "
                + e.getMessage());
      }
    }
    if (problems.isEmpty() && noOtherPolicyIn(world)) {
      problems.addAll(world.removeWorkloadNamespace(namespace));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "could not clean up after "
              + namespace
              + "/"
              + name
              + ":\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Policies being deleted (another test's, already asked to go) do not keep the namespace. */
  private boolean noOtherPolicyIn(FailoverWorld world) {
    return world
        .hub()
        .resources(FailoverPolicy.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .allMatch(other -> other.getMetadata().getDeletionTimestamp() != null);
  }

  @Override
  public String toString() {
    return "PolicyDraft " + namespace + "/" + name + ":\n" + yaml();
  }
}
