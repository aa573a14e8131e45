package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.operator.failoverpolicy.PolicyCleanup;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A policy's life in the data centers: its workload goes with it when it is deleted (waiting for a
 * data center that is down, or leaving it behind when told to), objects dropped from its manifests
 * are deleted, and a policy that reaches outside its namespace applies nothing. Hot standby, so the
 * workload runs in every data center.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyLifecycleE2E {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  /** Less than the shortest look a settled policy gets (15 s): only a wake-up is this quick. */
  private static final Duration PUT_RIGHT_WITHIN = Duration.ofSeconds(12);

  private FailoverWorld world;
  private OperatorProcess operator;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.plans());
    operator = world.operator();
  }

  @AfterAll
  void stopTheOperator() {
    if (world != null) {
      world.close();
    }
  }

  @BeforeEach
  void everyDataCenterIsHealthy() {
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
  }

  @Test
  void deletingAPolicyDeletesItsWorkloadInEveryDataCenter() {
    PolicyDraft draft =
        PolicyDraft.of("lifecycle-delete-everywhere", "shop").withStandby(StandbyMode.Hot);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      await()
          .atMost(SETTLE)
          .untilAsserted(() -> assertThat(policy.replicasByDataCenter()).doesNotContainValue(-1));

      world.hub().resource(draft.build()).delete();

      awaitPolicyGone(draft);
      assertThat(policy.replicasByDataCenter())
          .as("no data center keeps the deleted policy's Deployment")
          .containsOnlyKeys("toronto", "chicago", "washington")
          .allSatisfy((dataCenter, replicas) -> assertThat(replicas).isEqualTo(-1));
    }
  }

  @Test
  void aDeletedPolicyWaitsForADataCenterThatIsDownAndCleansItOnItsReturn() {
    PolicyDraft draft =
        PolicyDraft.of("lifecycle-delete-waits", "shop").withStandby(StandbyMode.Hot);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      DataCenterCluster washington = world.dataCenter("washington");
      try {
        FailoverPolicyStatus deleting = deleteWhileWashingtonIsCut(policy, draft);
        assertThat(readyMessage(deleting))
            .contains("washington")
            .contains(PolicyCleanup.ABANDON_ANNOTATION);
        assertThat(policy.replicasByDataCenter())
            .as("reachable data centers are cleaned at once")
            .containsEntry("toronto", -1)
            .containsEntry("chicago", -1);
      } finally {
        washington.uncut();
      }

      awaitPolicyGone(draft);
      assertThat(
              world
                  .dataCenter("washington")
                  .client()
                  .apps()
                  .deployments()
                  .inNamespace(draft.namespace())
                  .withName(draft.deployment())
                  .get())
          .as("washington's copy was deleted when it answered again")
          .isNull();
    }
  }

  @Test
  void theAbandonAnnotationEndsTheWaitAndNamesWhatWasLeft() {
    PolicyDraft draft =
        PolicyDraft.of("lifecycle-delete-abandon", "shop").withStandby(StandbyMode.Hot);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      DataCenterCluster washington = world.dataCenter("washington");
      try {
        deleteWhileWashingtonIsCut(policy, draft);

        world
            .hub()
            .resources(FailoverPolicy.class)
            .inNamespace(draft.namespace())
            .withName(draft.name())
            .edit(
                stored -> {
                  var annotations = new java.util.HashMap<String, String>();
                  if (stored.getMetadata().getAnnotations() != null) {
                    annotations.putAll(stored.getMetadata().getAnnotations());
                  }
                  annotations.put(PolicyCleanup.ABANDON_ANNOTATION, "true");
                  stored.getMetadata().setAnnotations(annotations);
                  return stored;
                });

        awaitPolicyGone(draft);
        policy.events().await("WorkloadLeftBehind", "washington", SETTLE);
      } finally {
        washington.uncut();
      }
      world
          .dataCenter("washington")
          .client()
          .apps()
          .deployments()
          .inNamespace(draft.namespace())
          .withName(draft.deployment())
          .delete();
    }
  }

  @Test
  void anObjectDroppedFromTheManifestsIsDeletedEverywhere() {
    String configMap =
        "- {apiVersion: v1, kind: ConfigMap, metadata: {name: prune-me}, data: {a: b}}";
    PolicyDraft draft =
        PolicyDraft.of("lifecycle-prune", "shop")
            .withStandby(StandbyMode.Hot)
            .withExtraManifests(configMap);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      awaitConfigMapEverywhere(draft.namespace(), "prune-me", true);
      assertThat(policy.status().getManagedObjects())
          .extracting(object -> object.getKind() + " " + object.getName())
          .contains("ConfigMap prune-me");

      policy.apply(draft.withExtraManifests(""));

      awaitConfigMapEverywhere(draft.namespace(), "prune-me", false);
      policy.await(
          "forgets the dropped object",
          status ->
              status.getManagedObjects().stream()
                  .noneMatch(object -> object.getName().equals("prune-me")),
          SETTLE);
      assertThat(policy.replicasByDataCenter().get("toronto")).isEqualTo(2);
    }
  }

  /**
   * The operator watches its objects in each data center: a change made there by hand is seen as it
   * happens and put right at once, not when the apply cache would expire (10 minutes while
   * watched).
   */
  @Test
  void aChangeMadeByHandInADataCenterIsPutRight() {
    String configMap =
        "- {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {mode: fast}}";
    PolicyDraft draft =
        PolicyDraft.of("lifecycle-drift", "shop")
            .withStandby(StandbyMode.Hot)
            .withExtraManifests(configMap);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      awaitConfigMapEverywhere(draft.namespace(), "settings", true);
      KubernetesClient toronto = world.dataCenter("toronto").client();
      // Let the operator's own applies settle before the hand-made changes.
      await()
          .atMost(SETTLE)
          .untilAsserted(
              () -> assertThat(policy.replicasByDataCenter().get("toronto")).isEqualTo(2));

      toronto
          .apps()
          .deployments()
          .inNamespace(draft.namespace())
          .withName(draft.deployment())
          .scale(5);
      toronto.configMaps().inNamespace(draft.namespace()).withName("settings").delete();

      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(
                        toronto
                            .apps()
                            .deployments()
                            .inNamespace(draft.namespace())
                            .withName(draft.deployment())
                            .get()
                            .getSpec()
                            .getReplicas())
                    .isEqualTo(PolicyDraft.REPLICAS);
                assertThat(
                        toronto
                            .configMaps()
                            .inNamespace(draft.namespace())
                            .withName("settings")
                            .get())
                    .isNotNull();
              });
    }
  }

  /**
   * The operator watches its DNSEndpoints in the hub too: a record repointed or deleted by hand
   * wakes its policy, which puts it right at once. Without the watch this would wait for the
   * settled policy's next look, 5 minutes away (15 s at the least), longer than this test allows.
   */
  @Test
  void aDnsEndpointRepointedOrDeletedByHandIsPutRightAtOnce() {
    PolicyDraft draft = PolicyDraft.of("lifecycle-dns", "shop").withStandby(StandbyMode.Hot);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      policy.awaitActiveIn("toronto", SETTLE);
      PolicyWatch watch = policy.watch();
      List<String> toronto =
          List.of(world.dataCenterResource("toronto").getSpec().getIngressAddress());
      await().atMost(SETTLE).until(watch::dnsTargets, toronto::equals);
      Resource<GenericKubernetesResource> record =
          world
              .hub()
              .genericKubernetesResources("externaldns.k8s.io/v1alpha1", "DNSEndpoint")
              .inNamespace(draft.namespace())
              .withName(draft.name());

      record.edit(
          edited -> {
            Map<String, Object> spec =
                Map.of(
                    "endpoints",
                    List.of(
                        Map.of(
                            "dnsName", "lifecycle-dns.shop.failover.internal",
                            "recordType", "A",
                            "targets", List.of("198.51.100.99"))));
            edited.getAdditionalProperties().put("spec", spec);
            return edited;
          });
      await()
          .alias("the record repointed by hand is put right")
          .atMost(PUT_RIGHT_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(watch::dnsTargets, toronto::equals);

      record.delete();
      await()
          .alias("the record deleted by hand is put back")
          .atMost(PUT_RIGHT_WITHIN)
          .pollInterval(Duration.ofMillis(200))
          .until(watch::dnsTargets, toronto::equals);
    }
  }

  @Test
  void aPolicyReachingIntoKubeSystemIsBlockedAndAppliesNothing() {
    String intruder =
        "- {apiVersion: v1, kind: ConfigMap, metadata: {name: lifecycle-intruder, namespace: kube-system}}";
    PolicyDraft draft = PolicyDraft.of("lifecycle-reach-out", "shop").withExtraManifests(intruder);
    try (PolicyUnderTest policy = PolicyUnderTest.apply(world, operator, draft)) {
      FailoverPolicyStatus blocked =
          policy.await(
              "blocked for reaching out",
              status -> readyReason(status).equals("TenancyViolation"),
              SETTLE);

      assertThat(readyMessage(blocked)).contains("kube-system");
      for (DataCenterPlan plan : world.plans()) {
        KubernetesClient client = world.dataCenter(plan.name()).client();
        assertThat(
                client.configMaps().inNamespace("kube-system").withName("lifecycle-intruder").get())
            .as("nothing in kube-system of " + plan.name())
            .isNull();
        assertThat(
                client
                    .apps()
                    .deployments()
                    .inNamespace(draft.namespace())
                    .withName(draft.deployment())
                    .get())
            .as("nothing at all in " + plan.name())
            .isNull();
      }
    }
  }

  /**
   * Once the Hot standby runs in washington, cuts washington off and deletes the policy; returns
   * the status that says the deletion waits for washington. The caller uncuts washington.
   */
  private FailoverPolicyStatus deleteWhileWashingtonIsCut(
      PolicyUnderTest policy, PolicyDraft draft) {
    policy.awaitActiveIn("toronto", SETTLE);
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> assertThat(policy.replicasByDataCenter().get("washington")).isEqualTo(2));
    world.dataCenter("washington").cut();
    world.awaitDataCenterPhase("washington", DataCenterPhase.Unreachable, SETTLE);
    world.hub().resource(draft.build()).delete();
    return policy.await(
        "waiting to delete in washington",
        status -> readyReason(status).equals("Deleting"),
        SETTLE);
  }

  /** Waits until the ConfigMap is present (or absent) in every data center of the world. */
  private void awaitConfigMapEverywhere(String namespace, String name, boolean present) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(configMapsNamed(namespace, name))
                    .hasSize(world.plans().size())
                    .allSatisfy((dataCenter, found) -> assertThat(found).isEqualTo(present)));
  }

  private Map<String, Boolean> configMapsNamed(String namespace, String name) {
    Map<String, Boolean> present = new java.util.LinkedHashMap<>();
    for (DataCenterPlan plan : world.plans()) {
      present.put(
          plan.name(),
          world
                  .dataCenter(plan.name())
                  .client()
                  .configMaps()
                  .inNamespace(namespace)
                  .withName(name)
                  .get()
              != null);
    }
    return present;
  }

  private void awaitPolicyGone(PolicyDraft draft) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () ->
                assertThat(
                        world
                            .hub()
                            .resources(FailoverPolicy.class)
                            .inNamespace(draft.namespace())
                            .withName(draft.name())
                            .get())
                    .as(() -> "policy deleted; operator log:\n" + operator.logTail(60))
                    .isNull());
  }

  private static String readyReason(FailoverPolicyStatus status) {
    return ready(status).map(Condition::getReason).orElse("");
  }

  private static String readyMessage(FailoverPolicyStatus status) {
    return ready(status).map(Condition::getMessage).orElse("");
  }

  private static java.util.Optional<Condition> ready(FailoverPolicyStatus status) {
    return status.getConditions() == null
        ? java.util.Optional.empty()
        : status.getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }
}
