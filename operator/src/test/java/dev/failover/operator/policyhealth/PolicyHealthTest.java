package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailbackMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.core.failover.DataCenterView;
import dev.failover.core.failover.FailoverProgress;
import dev.failover.core.failover.FailoverReason;
import dev.failover.core.failover.ManualAction;
import dev.failover.core.failover.PolicySettings;
import dev.failover.core.failover.WorkloadObservation;
import dev.failover.core.health.ProbeResult;
import dev.failover.core.placement.PlacementPreference;
import dev.failover.operator.probes.ProbeTarget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of a policy's own view, with endpoints that answer as told: probes run on their real
 * schedule (100 ms), so each step waits for the view to change.
 */
class PolicyHealthTest {
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final PolicySettings WARM =
      new PolicySettings(
          PlacementPreference.of(PlacementStrategy.Priority, "toronto", "chicago"),
          StandbyMode.Warm,
          FailbackMode.Automatic);

  /** Host → whether its endpoint answers. */
  private final Map<String, Boolean> answering = new ConcurrentHashMap<>();

  private final List<ResourceID> woken = new ArrayList<>();
  private final List<PolicyHealth> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(PolicyHealth::close);
  }

  private PolicyHealth policyHealth() {
    PolicyHealth health =
        new PolicyHealth(Clock.systemUTC(), this::target, woken::add, this::probed);
    started.add(health);
    return health;
  }

  /** Data centers whose endpoint was probed, as the metrics hear it. */
  private final Set<String> probedIn = ConcurrentHashMap.newKeySet();

  private void probed(String namespace, String policy, String dataCenter, ProbeResult result) {
    assertThat(namespace + "/" + policy).isEqualTo("shop/crm");
    probedIn.add(dataCenter);
  }

  private ProbeTarget target(URI uri) {
    return timeout ->
        CompletableFuture.completedFuture(
            answering.getOrDefault(uri.getHost(), false)
                ? ProbeResult.succeeded(Instant.now(), Duration.ofMillis(2))
                : ProbeResult.refused(Instant.now(), Duration.ofMillis(2)));
  }

  private static FailoverPolicy policy(String detection) {
    return YAML.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: crm, namespace: shop}
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          standby: Warm
          detection: %s
          workload:
            healthEndpoint: {port: 8080, path: /healthz}
            manifests:
              - {apiVersion: v1, kind: ConfigMap, metadata: {name: web}}
        """
            .formatted(detection),
        FailoverPolicy.class);
  }

  private static final FailoverPolicy CRM = policy("{probeInterval: 100ms, failureThreshold: 2}");

  private static DataCenter dataCenter(String name) {
    return YAML.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: DataCenter
        metadata: {name: %s}
        spec:
          kubeconfigSecretRef: {name: dc-%s}
          region: r1
          ingressAddress: %s.ingress.test
          probe: {interval: 100ms, timeout: 100ms, failureThreshold: 2, successThreshold: 1, probation: 0s}
        """
            .formatted(name, name, name),
        DataCenter.class);
  }

  private static final Map<String, DataCenter> DATA_CENTERS =
      Map.of("toronto", dataCenter("toronto"), "chicago", dataCenter("chicago"));

  private static DataCenterView healthy(String name) {
    return new DataCenterView(
        name, DataCenterPhase.Healthy, Instant.EPOCH, Duration.ofMillis(1), true, true);
  }

  private static FailoverProgress activeIn(String dataCenter, String lastHandledActionId) {
    return new FailoverProgress(
        FailoverPhase.Active,
        dataCenter,
        FailoverReason.InitialPlacement,
        null,
        null,
        lastHandledActionId,
        Set.of());
  }

  private static final Map<String, WorkloadObservation> AVAILABLE_EVERYWHERE =
      Map.of(
          "toronto", WorkloadObservation.running(2, true),
          "chicago", WorkloadObservation.running(2, true));

  private PolicyHealthReport observe(
      PolicyHealth health,
      FailoverPolicy policy,
      FailoverProgress progress,
      ManualAction action,
      List<DataCenterView> base) {
    return health.observe(
        policy,
        WARM,
        progress,
        progress,
        action,
        DATA_CENTERS,
        base,
        AVAILABLE_EVERYWHERE,
        java.util.Optional.empty());
  }

  private PolicyHealthReport awaitReport(
      String what,
      java.util.function.Supplier<PolicyHealthReport> look,
      Predicate<PolicyHealthReport> done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    PolicyHealthReport report = look.get();
    while (!done.test(report)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not " + what + ": " + report);
      }
      Thread.sleep(20);
      report = look.get();
    }
    return report;
  }

  private static DataCenterPhase phaseOf(PolicyHealthReport report, String dataCenter) {
    return report.views().stream()
        .filter(view -> view.name().equals(dataCenter))
        .findFirst()
        .orElseThrow()
        .phase();
  }

  private static Map<String, WorkloadEndpointHealth> entries(PolicyHealthReport report) {
    Map<String, WorkloadEndpointHealth> byName = new LinkedHashMap<>();
    report.endpoints().forEach(entry -> byName.put(entry.getDataCenter(), entry));
    return byName;
  }

  /** Toronto's endpoint answers, then fails until the policy sees toronto as Unreachable. */
  private PolicyHealthReport torontoAnswersThenFails(PolicyHealth health, List<DataCenterView> base)
      throws InterruptedException {
    answering.put("toronto.ingress.test", true);
    awaitReport(
        "toronto probed Healthy",
        () -> observe(health, CRM, activeIn("toronto", null), null, base),
        report ->
            entries(report).containsKey("toronto")
                && entries(report).get("toronto").getPhase() == DataCenterPhase.Healthy);
    answering.put("toronto.ingress.test", false);
    return awaitReport(
        "toronto Unreachable for the policy",
        () -> observe(health, CRM, activeIn("toronto", null), null, base),
        report -> phaseOf(report, "toronto") == DataCenterPhase.Unreachable);
  }

  @Test
  void anEndpointFailingInAHealthyDataCenterIsABlackoutForThePolicyAndIsKeptAfterTheMove()
      throws InterruptedException {
    PolicyHealth health = policyHealth();
    List<DataCenterView> base = List.of(healthy("toronto"), healthy("chicago"));
    PolicyHealthReport failing = torontoAnswersThenFails(health, base);
    assertThat(phaseOf(failing, "chicago")).isEqualTo(DataCenterPhase.Healthy);
    assertThat(entries(failing)).doesNotContainKey("chicago");
    assertThat(woken).contains(new ResourceID("crm", "shop"));
    assertThat(probedIn).containsExactly("toronto");

    // The workload moved to chicago: toronto's Warm standby serves nothing, but its verdict stays.
    PolicyHealthReport moved = observe(health, CRM, activeIn("chicago", null), null, base);
    assertThat(phaseOf(moved, "toronto")).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(entries(moved).get("toronto").getProbing()).isFalse();
    assertThat(entries(moved).get("chicago").getProbing()).isTrue();

    // The same verdict after an operator restart, from status alone.
    FailoverPolicy restarted = policy("{probeInterval: 100ms, failureThreshold: 2}");
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setWorkloadEndpoints(new ArrayList<>(moved.endpoints()));
    restarted.setStatus(status);
    PolicyHealth after = policyHealth();
    PolicyHealthReport restored = observe(after, restarted, activeIn("chicago", null), null, base);
    assertThat(phaseOf(restored, "toronto")).isEqualTo(DataCenterPhase.Unreachable);

    // A person vouches for toronto: it is Healthy for the policy again.
    PolicyHealthReport vouched =
        observe(after, restarted, activeIn("chicago", null), ManualAction.failback("fb-1"), base);
    assertThat(phaseOf(vouched, "toronto")).isEqualTo(DataCenterPhase.Healthy);
    assertThat(entries(vouched)).doesNotContainKey("toronto");
  }

  @Test
  void anEndpointThatNeverAnsweredMovesNothingEvenAsItsStatusComesBack()
      throws InterruptedException {
    PolicyHealth health = policyHealth();
    List<DataCenterView> base = List.of(healthy("toronto"), healthy("chicago"));
    FailoverPolicy policy = policy("{probeInterval: 100ms, failureThreshold: 2}");
    policy.setStatus(new FailoverPolicyStatus());

    // As the reconciler does: each look writes the endpoints into status, the next reads them.
    PolicyHealthReport report =
        awaitReport(
            "toronto's endpoint failing",
            () -> {
              PolicyHealthReport look =
                  observe(health, policy, activeIn("toronto", null), null, base);
              policy.getStatus().setWorkloadEndpoints(new ArrayList<>(look.endpoints()));
              return look;
            },
            r ->
                entries(r).containsKey("toronto")
                    && entries(r).get("toronto").getConsecutiveFailures() >= 3);

    assertThat(phaseOf(report, "toronto")).isEqualTo(DataCenterPhase.Healthy);
    WorkloadEndpointHealth toronto = entries(report).get("toronto");
    assertThat(toronto.getPhase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(toronto.getAnswered()).isFalse();
    assertThat(toronto.getMessage()).contains("never answered");

    // Nor after an operator restart that reads it from status.
    PolicyHealthReport restarted =
        observe(policyHealth(), policy, activeIn("toronto", null), null, base);
    assertThat(phaseOf(restarted, "toronto")).isEqualTo(DataCenterPhase.Healthy);
  }

  @Test
  void aFailingEndpointInADataCenterThatBlackedOutIsNotKept() throws InterruptedException {
    PolicyHealth health = policyHealth();
    List<DataCenterView> base = List.of(healthy("toronto"), healthy("chicago"));
    torontoAnswersThenFails(health, base);

    DataCenterView dark =
        new DataCenterView(
            "toronto", DataCenterPhase.Unreachable, Instant.now(), null, true, false);
    observe(health, CRM, activeIn("chicago", null), null, List.of(dark, healthy("chicago")));
    PolicyHealthReport back = observe(health, CRM, activeIn("chicago", null), null, base);

    assertThat(phaseOf(back, "toronto")).isEqualTo(DataCenterPhase.Healthy);
    assertThat(entries(back)).doesNotContainKey("toronto");
  }

  @Test
  void stricterDetectionCallsABlackoutFromTheSameProbesFirst() {
    PolicyHealth health = policyHealth();
    FailoverPolicy strict = policy("{failureThreshold: 1}");
    List<DataCenterView> base = List.of(healthy("toronto"), healthy("chicago"));
    observe(health, strict, activeIn("toronto", null), null, base);

    health
        .apiServerProbes()
        .probed(
            "toronto",
            ProbeResult.refused(Instant.now(), Duration.ofMillis(1)),
            dev.failover.core.health.HealthState.initial(Instant.now()));
    PolicyHealthReport report = observe(health, strict, activeIn("toronto", null), null, base);

    DataCenterView toronto = report.views().get(0);
    assertThat(toronto.phase()).isEqualTo(DataCenterPhase.Unreachable);
    assertThat(toronto.reachable()).as("the last probe failed").isFalse();
    assertThat(phaseOf(report, "chicago")).isEqualTo(DataCenterPhase.Healthy);
  }
}
