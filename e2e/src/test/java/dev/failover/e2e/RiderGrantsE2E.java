package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PaaS rider's grants, with the operator as its own process and three data centers: bound in
 * every data center of its policy, within the license's limit on developers; and a data center that
 * is down while the rider changes gets the new grants, and loses the revoked one, on its return and
 * before it is Healthy again. The rider's failover plan is checked, passing a limit is one security
 * alert, and its usage is on the metrics endpoint. Deleting the rider removes its bindings
 * everywhere, and its series.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiderGrantsE2E {
  private static final String NAMESPACE = "e2e-riders";
  private static final String RIDER = "billing";
  private static final List<String> DATA_CENTERS = List.of("toronto", "chicago", "washington");
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final String FIREWALL = "networkpolicies.networking.k8s.io";
  private static final String RIDER_LABEL = "rider=\"" + RIDER + "\"";

  private static final String FIRST_GRANTS =
      """
      - subjects: [{kind: User, name: alice}]
        tasks: [DeployApplications, RunBackups]
      - subjects: [{kind: User, name: bob}]
        tasks: [ConfigureApplicationFirewall]
      - subjects: [{kind: User, name: carol}]
        tasks: [ScanApplications]
      """;

  private FailoverWorld world;
  private OperatorProcess operator;
  private PolicyDraft policy;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    operator = world.operator();
    // The rider first: the policy's workload is placed with its grants and its limits.
    ServerSideApply.namespace(world.hub(), NAMESPACE);
    world.apply(rider(FIRST_GRANTS));
    policy = PolicyDraft.of(NAMESPACE, "billing-a").withRider("PaasRider", RIDER).withRto("2m");
    policy.applyTo(world);
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null && policy != null) {
        rider().delete();
        rider().waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        assertThat(operator.metrics().lines())
            .as("no series of the deleted rider")
            .noneMatch(line -> line.startsWith("failover_rider_") && line.contains(RIDER_LABEL));
        for (String dataCenter : DATA_CENTERS) {
          assertThat(riderBindings(dataCenter))
              .as("the deleted rider's bindings in %s", dataCenter)
              .isEmpty();
        }
        policy.deleteFrom(world);
      }
    } finally {
      if (world != null) {
        world.close();
      }
    }
  }

  @Test
  @Order(1)
  void grantsAreBoundInEveryDataCenterOfThePolicyWithinTheLicense() {
    RiderStatus status =
        awaitRider(
            "bound in all three data centers",
            s ->
                conditionIs(s, ConditionTypes.PERMISSIONS_APPLIED, "True")
                    && s.getPermissions().size() == 3);

    // The license allows two developers: carol, third in grant order, is not bound.
    assertThat(status.getUnboundSubjects()).containsExactly("User/carol");
    Condition compliant = condition(status, ConditionTypes.LICENSE_COMPLIANT).orElseThrow();
    assertThat(compliant.getStatus()).isEqualTo("False");
    assertThat(compliant.getReason()).isEqualTo("SubjectLimitReached");
    assertThat(compliant.getMessage())
        .contains("license.maxConcurrentDevelopers")
        .contains("carol");
    assertThat(status.getLicenseUsage())
        .extracting(u -> u.getLimit() + " " + u.getUsed() + "/" + u.getAllowed())
        .containsExactly("maxConcurrentDevelopers 3/2", "maxApplicationsDeveloped 1/2");
    assertThat(
            world.hub().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> RIDER.equals(e.getInvolvedObject().getName()))
                .map(e -> e.getReason()))
        .as("an Event tells of the limit")
        .contains("SubjectLimitReached");

    // The policy promises 2m; the rider's plan allows 1m.
    Condition failoverTime =
        new PolicyWatch(world, NAMESPACE, policy.name())
            .await(
                "judged against the rider's failover time",
                s -> s.condition(ConditionTypes.WITHIN_RIDER_FAILOVER_TIME).isPresent(),
                SETTLE)
            .condition(ConditionTypes.WITHIN_RIDER_FAILOVER_TIME)
            .orElseThrow();
    assertThat(failoverTime.getStatus()).isEqualTo("False");
    assertThat(failoverTime.getReason()).isEqualTo("RtoExceedsRiderPlan");
    assertThat(failoverTime.getMessage()).contains("2m").contains("1m");

    // The rider's plan, checked: the same 2m against 1m, shown on the rider.
    RiderStatus planned =
        awaitRider(
            "the failover plan checked",
            s -> conditionIs(s, ConditionTypes.FAILOVER_PLAN_VALID, "False"));
    assertThat(planned.getPlanChecks())
        .filteredOn(c -> c.getElement().equals("maxFailoverTime"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getPassed()).isFalse();
              assertThat(c.getMessage()).contains("billing-a (rto 2m)");
            });
    assertThat(condition(planned, ConditionTypes.FAILOVER_PLAN_VALID).orElseThrow().getReason())
        .isEqualTo("MaxFailoverTimeNotMet");
    assertThat(condition(planned, ConditionTypes.READY).orElseThrow().getMessage())
        .as("Ready leaves the plan out")
        .doesNotContain("FailoverPlanValid");

    // Passing the developer limit is one security alert, however often the rider is reconciled.
    assertThat(securityAlerts("license.maxConcurrentDevelopers")).hasSize(1);
    // The counter goes up once the hub has taken the Event: a scrape right after may precede it.
    org.awaitility.Awaitility.await()
        .alias("the license metrics and the one security alert counted")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(operator.metrics().lines())
                    .anyMatch(
                        line ->
                            line.startsWith("failover_rider_license_used{")
                                && line.contains(RIDER_LABEL)
                                && line.contains("limit=\"maxConcurrentDevelopers\"")
                                && line.endsWith(" 3.0"))
                    .anyMatch(
                        line ->
                            line.startsWith("failover_rider_license_allowed{")
                                && line.contains(RIDER_LABEL)
                                && line.contains("limit=\"maxConcurrentDevelopers\"")
                                && line.endsWith(" 2.0"))
                    .anyMatch(
                        line ->
                            line.startsWith("failover_rider_security_alerts_total{")
                                && line.contains(RIDER_LABEL)
                                && line.contains("limit=\"maxConcurrentDevelopers\"")
                                && line.endsWith(" 1.0")));

    for (String dataCenter : DATA_CENTERS) {
      // The license's 100 concurrent SaaS users, written into the workload everywhere it runs.
      var deployment =
          world
              .dataCenter(dataCenter)
              .client()
              .apps()
              .deployments()
              .inNamespace(NAMESPACE)
              .withName(policy.deployment())
              .waitUntilCondition(Objects::nonNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
          .as("the license in %s", dataCenter)
          .anySatisfy(
              env -> {
                assertThat(env.getName()).isEqualTo("FAILOVER_LICENSE_MAX_CONCURRENT_USERS");
                assertThat(env.getValue()).isEqualTo("100");
              });
      assertThat(can(dataCenter, "alice", "create", "deployments.apps")).isTrue();
      assertThat(can(dataCenter, "alice", "create", "volumesnapshots.snapshot.storage.k8s.io"))
          .isTrue();
      assertThat(can(dataCenter, "bob", "create", FIREWALL)).isTrue();
      assertThat(can(dataCenter, "bob", "create", "deployments.apps")).isFalse();
      assertThat(can(dataCenter, "carol", "list", "pods")).as("carol, over the limit").isFalse();
    }
  }

  @Test
  @Order(2)
  void aDataCenterDownWhileTheRiderChangesCatchesUpOnItsReturnBeforeItIsHealthy() {
    DataCenterCluster washington = world.dataCenter("washington");
    washington.stop();
    boolean down = true;
    try {
      world.awaitDataCenterPhase("washington", DataCenterPhase.Unreachable, SETTLE);
      // Bob loses the firewall; alice gets it.
      world.apply(
          rider(
              """
              - subjects: [{kind: User, name: alice}]
                tasks: [DeployApplications, RunBackups, ConfigureApplicationFirewall]
              """));
      RiderStatus pending =
          awaitRider(
              "changed where reachable, pending in washington",
              s ->
                  conditionIs(s, ConditionTypes.PERMISSIONS_APPLIED, "False")
                      && s.getPermissions().stream()
                          .filter(p -> !p.getDataCenter().equals("washington"))
                          .allMatch(p -> Boolean.TRUE.equals(p.getApplied())),
              true);
      assertThat(pending.getPermissions())
          .filteredOn(p -> p.getDataCenter().equals("washington"))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getApplied()).isFalse();
                assertThat(p.getMessage()).contains("washington cannot be reached");
              });
      for (String dataCenter : List.of("toronto", "chicago")) {
        assertThat(can(dataCenter, "bob", "create", FIREWALL)).isFalse();
        assertThat(can(dataCenter, "alice", "create", FIREWALL)).isTrue();
      }

      Instant returnedAt = Instant.now();
      washington.start();
      down = false;
      // Watched together, bounded: bob's binding must go before washington is Healthy again.
      Instant revokedAt = null;
      Instant healthyAt = null;
      Instant deadline = Instant.now().plus(SETTLE);
      while ((revokedAt == null || healthyAt == null) && Instant.now().isBefore(deadline)) {
        if (revokedAt == null && !can("washington", "bob", "create", FIREWALL)) {
          revokedAt = Instant.now();
        }
        if (healthyAt == null
            && world.dataCenterResource("washington").getStatus().getPhase()
                == DataCenterPhase.Healthy) {
          healthyAt = Instant.now();
        }
        Sleep.of(Duration.ofMillis(100));
      }
      assertThat(revokedAt).as("bob's grant revoked in washington").isNotNull();
      assertThat(healthyAt).as("washington Healthy again").isNotNull();
      assertThat(revokedAt).as("revoked before Healthy").isBeforeOrEqualTo(healthyAt);
      System.out.printf(
          "washington: grants caught up %d ms after its start, Healthy after %d ms%n",
          Duration.between(returnedAt, revokedAt).toMillis(),
          Duration.between(returnedAt, healthyAt).toMillis());
      assertThat(can("washington", "alice", "create", FIREWALL)).isTrue();
      awaitRider(
          "bound everywhere again",
          s -> conditionIs(s, ConditionTypes.PERMISSIONS_APPLIED, "True"),
          true);
      // The limit is kept again: one subject.
      assertThat(rider().get().getStatus().getUnboundSubjects()).isEmpty();
    } finally {
      if (down) {
        washington.start();
      }
    }
  }

  @Test
  @Order(3)
  void policiesTheLicenseDoesNotAllowGetNoWorkloadAndSayWhy() {
    // Two applications allowed, BillingPayroll only: a Mobile one is refused for its type and
    // does not count; of the BillingPayroll ones, the third by creation time is over the limit.
    PolicyDraft mobile =
        PolicyDraft.of(NAMESPACE, "billing-mobile")
            .withRider("PaasRider", RIDER)
            .withApplicationType("Mobile");
    PolicyDraft second =
        PolicyDraft.of(NAMESPACE, "billing-b")
            .withRider("PaasRider", RIDER)
            .withApplicationType("BillingPayroll");
    PolicyDraft third = PolicyDraft.of(NAMESPACE, "billing-c").withRider("PaasRider", RIDER);
    List<PolicyDraft> extra = List.of(mobile, second, third);
    try {
      java.util.Map<PolicyDraft, PolicyWatch> watches = new java.util.HashMap<>();
      for (PolicyDraft draft : extra) {
        watches.put(draft, draft.applyTo(world));
        Sleep.of(Duration.ofMillis(1100)); // creation timestamps have whole seconds
      }
      assertThat(awaitBlocked(mobile).getReason()).isEqualTo("ApplicationTypeNotLicensed");
      assertThat(awaitBlocked(mobile).getMessage())
          .contains("Mobile")
          .contains("applicationDevelopment.applicationTypes");
      Condition overLimit = awaitBlocked(third);
      assertThat(overLimit.getReason()).isEqualTo("ApplicationLimitReached");
      assertThat(overLimit.getMessage())
          .contains("license.maxApplicationsDeveloped allows 2")
          .contains("billing-a, billing-b");
      watches.get(second).awaitActiveIn("toronto", SETTLE);
      for (String dataCenter : DATA_CENTERS) {
        for (PolicyDraft refused : List.of(mobile, third)) {
          assertThat(
                  world
                      .dataCenter(dataCenter)
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace(NAMESPACE)
                      .withName(refused.deployment())
                      .get())
              .as("%s's Deployment in %s", refused.name(), dataCenter)
              .isNull();
        }
      }
      RiderStatus status =
          awaitRider(
              "the refused policies named",
              s ->
                  conditionIs(s, ConditionTypes.LICENSE_COMPLIANT, "False")
                      && condition(s, ConditionTypes.LICENSE_COMPLIANT)
                          .orElseThrow()
                          .getMessage()
                          .contains("billing-c"));
      assertThat(condition(status, ConditionTypes.LICENSE_COMPLIANT).orElseThrow().getMessage())
          .contains("billing-mobile");
      assertThat(status.getLicenseUsage())
          .extracting(u -> u.getLimit() + " " + u.getUsed() + "/" + u.getAllowed())
          .contains("maxApplicationsDeveloped 3/2");
      assertThat(securityAlerts("license.maxApplicationsDeveloped")).hasSize(1);

    } finally {
      for (PolicyDraft draft : extra) {
        draft.deleteFrom(world);
      }
    }
  }

  private Condition awaitBlocked(PolicyDraft draft) {
    var reached =
        world
            .hub()
            .resources(dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy.class)
            .inNamespace(NAMESPACE)
            .withName(draft.name())
            .waitUntilCondition(
                p ->
                    p != null
                        && p.getStatus() != null
                        && Objects.equals(
                            p.getStatus().getObservedGeneration(), p.getMetadata().getGeneration())
                        && p.getStatus()
                            .condition(ConditionTypes.READY)
                            .filter(c -> "False".equals(c.getStatus()))
                            .isPresent(),
                SETTLE.toSeconds(),
                TimeUnit.SECONDS);
    return reached.getStatus().condition(ConditionTypes.READY).orElseThrow();
  }

  /** The SecurityAlert Events on the rider whose message names the limit. */
  private List<String> securityAlerts(String limit) {
    return world.hub().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> RIDER.equals(e.getInvolvedObject().getName()))
        .filter(e -> "SecurityAlert".equals(e.getReason()) && "Warning".equals(e.getType()))
        .map(e -> e.getMessage())
        .filter(message -> message.contains(limit))
        .toList();
  }

  private PaasRider rider(String grants) {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: PaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxApplicationsDeveloped: 2, maxConcurrentDevelopers: 2, maxConcurrentSaasUsers: 100}
          applicationDevelopment: {applicationTypes: [BillingPayroll]}
          failoverPlan: {maxFailoverTime: 1m}
          grants:
        %s"""
            .formatted(RIDER, NAMESPACE, grants.indent(4));
    return world.hub().getKubernetesSerialization().unmarshal(yaml, PaasRider.class);
  }

  private Resource<PaasRider> rider() {
    return world.hub().resources(PaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
  }

  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition) {
    return awaitRider(what, condition, false);
  }

  /**
   * Waits for the rider's status to match; with {@code latest}, also for the status to be of the
   * generation of the same snapshot (no call to the API server in the predicate: it runs on the
   * HTTP client's thread, where a blocking request waits for itself until it times out).
   */
  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition, boolean latest) {
    PaasRider reached =
        rider()
            .waitUntilCondition(
                r ->
                    r != null
                        && r.getStatus() != null
                        && (!latest
                            || Objects.equals(
                                r.getStatus().getObservedGeneration(),
                                r.getMetadata().getGeneration()))
                        && condition.test(r.getStatus()),
                SETTLE.toSeconds(),
                TimeUnit.SECONDS);
    assertThat(reached).as(what).isNotNull();
    return reached.getStatus();
  }

  private boolean can(String dataCenter, String user, String verb, String resource) {
    KubernetesClient admin = world.dataCenter(dataCenter).client();
    return AccessReviews.ofUser(admin, user).allows(verb, resource, NAMESPACE);
  }

  private List<String> riderBindings(String dataCenter) {
    return world
        .dataCenter(dataCenter)
        .client()
        .rbac()
        .roleBindings()
        .inNamespace(NAMESPACE)
        .withLabel("failover.dev/rider-name", RIDER)
        .list()
        .getItems()
        .stream()
        .map(b -> b.getMetadata().getName())
        .toList();
  }

  private static boolean conditionIs(RiderStatus status, String type, String value) {
    return condition(status, type).map(c -> value.equals(c.getStatus())).orElse(false);
  }

  private static Optional<Condition> condition(RiderStatus status, String type) {
    return status.condition(type);
  }
}
