package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.api.v1alpha1.failoverpolicy.WorkloadEndpointHealth;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PaaS rider's service pools, each a policy of its own: the pools' timeout and retry settings
 * reach their containers in every data center, a failing pool fails over alone while the other
 * stays, and a policy that holds two pools' components is warned of the coupling. The pools' health
 * endpoints are paths of a stand-in ingress on 127.0.0.1 (kwok's pods serve nothing).
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaasServicePoolsE2E {
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final String NAMESPACE = "e2e-pools";
  private static final String RIDER = "storefront";
  private static final String TORONTO = IngressStandIn.hostnameOf("toronto");
  private static final String CHICAGO = IngressStandIn.hostnameOf("chicago");
  private static final String CHECKOUT_HEALTH = "/checkout/healthz";
  private static final String CATALOG_HEALTH = "/catalog/healthz";

  private IngressStandIn ingress;
  private FailoverWorld world;
  private OperatorProcess operator;
  private PolicyUnderTest checkout;
  private PolicyUnderTest catalog;

  @BeforeAll
  void startTheOperatorWithTheRiderAndTwoPools(Testbed testbed) {
    List<DataCenterPlan> plans = IngressStandIn.fastPlans();
    ingress =
        IngressStandIn.startFor(
            testbed.layout().processRoot().resolve("ingress-stand-in-pools"), plans);
    world = FailoverWorld.start(testbed, plans);
    operator = ingress.operatorIn(world);
    for (DataCenterPlan plan : world.plans()) {
      world.awaitDataCenterPhase(plan.name(), DataCenterPhase.Healthy, SETTLE);
    }
    ServerSideApply.namespace(world.hub(), NAMESPACE);
    world.apply(rider());
    // The rider first, so the pools' workloads are placed with its settings.
    checkout = PolicyUnderTest.applyInto(world, operator, pool("checkout", CHECKOUT_HEALTH));
    catalog = PolicyUnderTest.applyInto(world, operator, pool("catalog", CATALOG_HEALTH));
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null) {
        var rider = world.hub().resources(PaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
        rider.delete();
        rider.waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        if (checkout != null) {
          checkout.close();
        }
        if (catalog != null) {
          catalog.close();
        }
      }
    } finally {
      if (world != null) {
        world.close();
      }
      if (ingress != null) {
        ingress.close();
      }
    }
  }

  /**
   * Both pools run in Toronto with their endpoints probed; each pool's settings are in its
   * containers in every data center that holds it. Checkout's endpoint then fails in Toronto while
   * Toronto itself stays Healthy: checkout moves to Chicago, and catalog, in the same data center
   * and under the same rider, stays where it is.
   */
  @Test
  void eachPoolCarriesItsSettingsAndAFailingPoolFailsOverAlone() {
    checkout.awaitActiveIn("toronto", SETTLE);
    catalog.awaitActiveIn("toronto", SETTLE);
    checkout.await("checkout's endpoint probed in toronto", probedHealthyIn("toronto"), SETTLE);
    catalog.await("catalog's endpoint probed in toronto", probedHealthyIn("toronto"), SETTLE);
    assertThat(checkout.status().condition(ConditionTypes.SERVICE_POOLS_SEPARATE))
        .get()
        .extracting(Condition::getStatus, Condition::getReason)
        .containsExactly("True", "SinglePool");

    for (String dataCenter : List.of("toronto", "chicago")) {
      assertThat(poolEnvironment(dataCenter, "checkout-web"))
          .as("checkout's pool settings in %s", dataCenter)
          .containsEntry("FAILOVER_POOL", "checkout")
          .containsEntry("FAILOVER_POOL_TIMEOUT_MS", "400")
          .containsEntry("FAILOVER_POOL_MAX_RETRIES", "1")
          .containsEntry("FAILOVER_POOL_RETRY_BUDGET_PERCENT", "10");
      assertThat(poolEnvironment(dataCenter, "catalog-web"))
          .as("catalog's pool settings in %s", dataCenter)
          .containsEntry("FAILOVER_POOL", "catalog")
          .containsEntry("FAILOVER_POOL_TIMEOUT_MS", "1500")
          .containsEntry("FAILOVER_POOL_MAX_RETRIES", "2")
          .containsEntry("FAILOVER_POOL_RETRY_BUDGET_PERCENT", "20");
    }

    int catalogProbes = ingress.requests(TORONTO, CATALOG_HEALTH);
    ingress.fail(TORONTO, CHECKOUT_HEALTH);
    FailoverPolicyStatus moved = checkout.awaitMovedTo("chicago", "Blackout", SETTLE);
    assertThat(moved.getLastFailover().getFrom()).isEqualTo("toronto");
    checkout.awaitServingOnlyIn("chicago", SETTLE);
    assertThat(world.dataCenterResource("toronto").getStatus().getPhase())
        .as("the data center itself was fine all along")
        .isEqualTo(DataCenterPhase.Healthy);

    // Catalog's endpoint kept answering in Toronto after checkout moved: it was probed there again,
    // and it neither moved nor recorded a failover.
    FailoverPolicyStatus stayed =
        catalog.await(
            "catalog probed in toronto after checkout moved",
            status -> ingress.requests(TORONTO, CATALOG_HEALTH) >= catalogProbes + 3,
            SETTLE);
    assertThat(stayed.getActiveDataCenter()).isEqualTo("toronto");
    assertThat(catalog.status().getHistory()).as("catalog never failed over").isNullOrEmpty();
    assertThat(catalog.replicasByDataCenter()).containsEntry("toronto", PolicyDraft.REPLICAS);
  }

  /**
   * A third policy holds a component of each pool: it still runs, but it is told that its pools
   * would fail over together, by a condition and a Warning Event.
   */
  @Test
  void aPolicyThatCouplesTwoPoolsIsWarned() {
    PolicyDraft bundle =
        PolicyDraft.of(NAMESPACE, "bundle")
            .withRider("PaasRider", RIDER)
            .withStandby(StandbyMode.Warm)
            .withManualFailback()
            .withExtraManifests(
                """
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: search-index}
                  spec:
                    replicas: 1
                    selector: {matchLabels: {app: search-index}}
                    template:
                      metadata: {labels: {app: search-index}}
                      spec: {containers: [{name: index, image: registry.example/index:1.0}]}
                """);
    try (PolicyUnderTest coupled = PolicyUnderTest.applyInto(world, operator, bundle)) {
      FailoverPolicyStatus status =
          coupled.await(
              "the coupling condition",
              s -> s.condition(ConditionTypes.SERVICE_POOLS_SEPARATE).isPresent(),
              SETTLE);
      Condition separate = status.condition(ConditionTypes.SERVICE_POOLS_SEPARATE).orElseThrow();
      assertThat(separate.getStatus()).isEqualTo("False");
      assertThat(separate.getReason()).isEqualTo("PoolsCoupled");
      assertThat(separate.getMessage())
          .contains("bundle-web (pool checkout)")
          .contains("search-index (pool catalog)");
      assertThat(coupled.events().await("PoolsCoupled", "search-index (pool catalog)", SETTLE))
          .extracting(e -> e.getType())
          .isEqualTo("Warning");
      coupled.awaitActiveIn("toronto", SETTLE);
    }
  }

  private PolicyDraft pool(String name, String healthPath) {
    return PolicyDraft.of(NAMESPACE, name)
        .withRider("PaasRider", RIDER)
        .withStandby(StandbyMode.Warm)
        .withManualFailback()
        .withDetection("{failureThreshold: 2, probeInterval: 500ms}")
        .withHealthEndpoint("{port: %d, path: %s}".formatted(ingress.port(), healthPath));
  }

  private PaasRider rider() {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: PaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxApplicationsDeveloped: 5, maxConcurrentDevelopers: 5, maxConcurrentSaasUsers: 100}
          applicationDevelopment: {applicationTypes: [SaasApplication]}
          servicePools:
            - {name: checkout, components: [checkout-web, bundle-web], timeout: 400ms, maxRetries: 1, retryBudgetPercent: 10}
            - {name: catalog, components: [catalog-web, search-index], timeout: 1500ms}
        """
            .formatted(RIDER, NAMESPACE);
    return world.hub().getKubernetesSerialization().unmarshal(yaml, PaasRider.class);
  }

  /** The FAILOVER_POOL* variables of the Deployment's first container in the data center. */
  private Map<String, String> poolEnvironment(String dataCenter, String deployment) {
    Deployment found =
        world
            .dataCenter(dataCenter)
            .client()
            .apps()
            .deployments()
            .inNamespace(NAMESPACE)
            .withName(deployment)
            .get();
    assertThat(found).as("%s in %s", deployment, dataCenter).isNotNull();
    List<EnvVar> env = found.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    return env == null
        ? Map.of()
        : env.stream()
            .filter(v -> v.getName().startsWith("FAILOVER_POOL"))
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static java.util.function.Predicate<FailoverPolicyStatus> probedHealthyIn(
      String dataCenter) {
    return status ->
        status.getWorkloadEndpoints() != null
            && status.getWorkloadEndpoints().stream()
                .filter(e -> dataCenter.equals(e.getDataCenter()))
                .anyMatch(PaasServicePoolsE2E::probedHealthy);
  }

  private static boolean probedHealthy(WorkloadEndpointHealth entry) {
    return Boolean.TRUE.equals(entry.getProbing())
        && Boolean.TRUE.equals(entry.getAnswered())
        && entry.getPhase() == DataCenterPhase.Healthy;
  }
}
