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
 * before it is Healthy again. Deleting the rider removes its bindings everywhere.
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

  private FailoverWorld world;
  private PolicyDraft policy;

  @BeforeAll
  void startTheOperator(Testbed testbed) {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    world.operator();
    policy = PolicyDraft.of(NAMESPACE, "billing-a").withRider("PaasRider", RIDER);
    policy.applyTo(world);
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null && policy != null) {
        rider().delete();
        rider().waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
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
    world.apply(
        rider(
            """
            - subjects: [{kind: User, name: alice}]
              tasks: [DeployApplications, RunBackups]
            - subjects: [{kind: User, name: bob}]
              tasks: [ConfigureApplicationFirewall]
            - subjects: [{kind: User, name: carol}]
              tasks: [ScanApplications]
            """));

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
        .singleElement()
        .satisfies(
            usage -> {
              assertThat(usage.getLimit()).isEqualTo("maxConcurrentDevelopers");
              assertThat(usage.getUsed()).isEqualTo(3L);
              assertThat(usage.getAllowed()).isEqualTo(2L);
            });
    assertThat(
            world.hub().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(e -> RIDER.equals(e.getInvolvedObject().getName()))
                .map(e -> e.getReason()))
        .as("an Event tells of the limit")
        .contains("SubjectLimitReached");

    for (String dataCenter : DATA_CENTERS) {
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
                  observedLatest(s)
                      && conditionIs(s, ConditionTypes.PERMISSIONS_APPLIED, "False")
                      && s.getPermissions().stream()
                          .filter(p -> !p.getDataCenter().equals("washington"))
                          .allMatch(p -> Boolean.TRUE.equals(p.getApplied())));
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
          s -> observedLatest(s) && conditionIs(s, ConditionTypes.PERMISSIONS_APPLIED, "True"));
      // The limit is kept again: one subject.
      assertThat(rider().get().getStatus().getUnboundSubjects()).isEmpty();
    } finally {
      if (down) {
        washington.start();
      }
    }
  }

  private PaasRider rider(String grants) {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: PaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxApplicationsDeveloped: 5, maxConcurrentDevelopers: 2, maxConcurrentSaasUsers: 100}
          applicationDevelopment: {applicationTypes: [BillingPayroll]}
          grants:
        %s"""
            .formatted(RIDER, NAMESPACE, grants.indent(4));
    return world.hub().getKubernetesSerialization().unmarshal(yaml, PaasRider.class);
  }

  private Resource<PaasRider> rider() {
    return world.hub().resources(PaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
  }

  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition) {
    PaasRider reached =
        rider()
            .waitUntilCondition(
                r -> r != null && r.getStatus() != null && condition.test(r.getStatus()),
                SETTLE.toSeconds(),
                TimeUnit.SECONDS);
    assertThat(reached).as(what).isNotNull();
    return reached.getStatus();
  }

  private boolean observedLatest(RiderStatus status) {
    PaasRider now = rider().get();
    return Objects.equals(status.getObservedGeneration(), now.getMetadata().getGeneration());
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
