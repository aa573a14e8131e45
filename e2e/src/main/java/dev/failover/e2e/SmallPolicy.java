package dev.failover.e2e;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small FailoverPolicy for end-to-end tests: one Deployment of two replicas of a fake image
 * (kwok's fake nodes make it Available), placed by priority in Toronto, then Chicago, then
 * Washington, with its own DNS name. Standby, failback and how long the pods take to count as
 * available ({@code minReadySeconds}) can be changed; everything else is the CRD's default.
 */
public final class SmallPolicy {
  private static final Logger log = LoggerFactory.getLogger(SmallPolicy.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  public static final String PRIMARY = "toronto";
  public static final List<String> SECONDARIES = List.of("chicago", "washington");
  public static final int REPLICAS = 2;
  public static final String IMAGE = "registry.example/failover-e2e:1.0";

  private final String namespace;
  private final String name;
  private StandbyMode standby = StandbyMode.Hot;
  private String stabilizationWindow = "5s";
  private int minReadySeconds;

  private SmallPolicy(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

  /** Hot standby, automatic failback after a 5 s stabilization window. */
  public static SmallPolicy named(String namespace, String name) {
    return new SmallPolicy(namespace, name);
  }

  public SmallPolicy standby(StandbyMode mode) {
    this.standby = mode;
    return this;
  }

  public SmallPolicy automaticFailbackAfter(String window) {
    this.stabilizationWindow = window;
    return this;
  }

  /** Failback only when a person asks for it. */
  public SmallPolicy manualFailback() {
    this.stabilizationWindow = null;
    return this;
  }

  /**
   * Pods count as available only this long after they are ready: a workload that is slow to become
   * Available wherever it is scaled up.
   */
  public SmallPolicy minReadySeconds(int seconds) {
    this.minReadySeconds = seconds;
    return this;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The workload's Deployment, named after the policy. */
  public String deployment() {
    return name + "-web";
  }

  public String dnsName() {
    return name + "." + namespace + ".e2e.example";
  }

  public StandbyMode standbyMode() {
    return standby;
  }

  public FailoverPolicy build() {
    String failback =
        stabilizationWindow == null
            ? "{mode: Manual}"
            : "{mode: Automatic, stabilizationWindow: " + stabilizationWindow + "}";
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          riderRef: {kind: SaasRider, name: %1$s}
          workload:
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %3$s
                  labels: {app: %3$s}
                spec:
                  replicas: %4$d
                  minReadySeconds: %5$d
                  selector:
                    matchLabels: {app: %3$s}
                  template:
                    metadata:
                      labels: {app: %3$s}
                    spec:
                      containers:
                        - {name: web, image: "%6$s"}
          placement:
            strategy: Priority
            primary: %7$s
            secondaries: [%8$s]
          traffic: {dnsName: %9$s}
          standby: %10$s
          failback: %11$s
        """
            .formatted(
                name,
                namespace,
                deployment(),
                REPLICAS,
                minReadySeconds,
                IMAGE,
                PRIMARY,
                String.join(", ", SECONDARIES),
                dnsName(),
                standby,
                failback);
    return SERIALIZATION.unmarshal(yaml, FailoverPolicy.class);
  }

  /** Creates the namespace in the hub if needed and applies the policy; returns its watch. */
  public PolicyWatch applyTo(FailoverWorld world) {
    ServerSideApply.namespace(world.hub(), namespace);
    world.apply(build());
    return new PolicyWatch(world, namespace, name);
  }

  /**
   * Deletes the policy from the hub and its Deployment from every data center that answers, so the
   * next test starts clean. Never throws: it runs in cleanup, perhaps with a data center down.
   */
  public void deleteFrom(FailoverWorld world) {
    try {
      var policy =
          world.hub().resources(FailoverPolicy.class).inNamespace(namespace).withName(name);
      policy.delete();
      policy.waitUntilCondition(Objects::isNull, 30, TimeUnit.SECONDS);
    } catch (KubernetesClientException | IllegalStateException e) {
      log.warn("Could not delete policy {}/{}: {}", namespace, name, e.getMessage());
    }
    for (DataCenterPlan plan : world.plans()) {
      try {
        KubernetesClient client = world.dataCenter(plan.name()).client();
        client.resources(Deployment.class).inNamespace(namespace).withName(deployment()).delete();
      } catch (KubernetesClientException e) {
        log.warn(
            "Could not delete {}/{} in {}: {}",
            namespace,
            deployment(),
            plan.name(),
            e.getMessage());
      }
    }
  }
}
