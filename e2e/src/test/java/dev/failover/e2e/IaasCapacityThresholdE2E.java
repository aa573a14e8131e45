package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.CapacityScaling;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenterCapacity;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.FakeDeployments;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
 * An IaaS rider's capacity threshold on real utilization, with three data centers: Ottawa, which
 * serves the metrics API (kwokctl's metrics-server scraping kwok's emulated kubelets), carries the
 * rider's policy and machine; Chicago and Washington are its secondaries. Pods that report 8 cores
 * each push its CPU over the rider's 40 %: after three samples one more machine, a copy of the
 * listed one, runs there. When the load goes, it is released again. The operator reads the usage
 * through its member identity, which may list node metrics and nothing more of that API.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IaasCapacityThresholdE2E {
  private static final String NAMESPACE = "e2e-capacity";
  private static final String LOAD_NAMESPACE = "e2e-capacity-load";
  private static final String RIDER = "capacity";
  private static final String OTTAWA = "ottawa";
  private static final String WASHINGTON = "washington";
  private static final String CHICAGO = "chicago";
  private static final String EXTRA = "app-extra-1";

  /** Two kwok nodes of 32 cores; four pods of 8 cores are 50 %. */
  private static final int LOAD_PODS = 4;

  private static final Duration SETTLE = Duration.ofSeconds(60);

  /** The first figures come about 20 s after metrics-server starts. */
  private static final Duration FIRST_FIGURES = Duration.ofSeconds(120);

  /**
   * Three new samples 10 s apart (metrics-server's resolution in the testbed), each seen within
   * {@link #MEASURED_EVERY}, and the {@link #COOLDOWN}; with room for a busy machine.
   */
  private static final Duration DECISION = Duration.ofSeconds(180);

  /** How often the operator measures the data centers and the rider looks for a new sample. */
  private static final String MEASURED_EVERY = "2s";

  /** Shorter than the default minute, still longer than the three samples that decide. */
  private static final String COOLDOWN = "40s";

  private static final String CRD = "virtualmachines.kubevirt.io";
  private static final ResourceDefinitionContext VM =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubevirt.io")
          .withVersion("v1")
          .withKind("VirtualMachine")
          .withPlural("virtualmachines")
          .withNamespaced(true)
          .build();

  private Testbed testbed;
  private DataCenterCluster ottawa;
  private FailoverWorld world;
  private PolicyDraft policy;

  @BeforeAll
  void startTheOperator(Testbed testbed) throws URISyntaxException {
    this.testbed = testbed;
    ottawa = testbed.startDataCenterWithMetricsServer(OTTAWA);
    world =
        FailoverWorld.start(
            testbed,
            List.of(
                new DataCenterPlan(
                    OTTAWA, "ca-east", 10, "10.0.0.9", Optional.of(FastProbes.spec())),
                DataCenterPlan.defaults().get(1).withProbe(FastProbes.spec()),
                DataCenterPlan.defaults().get(2).withProbe(FastProbes.spec())));
    FailoverCrds.install(
        ottawa.client(),
        Path.of(getClass().getResource("/kubevirt/virtualmachines.kubevirt.io.yaml").toURI()));
    world.operator(
        world
            .operatorLaunch()
            .withEnvironment("FAILOVER_CAPACITY_INTERVAL", MEASURED_EVERY)
            .withEnvironment("FAILOVER_CAPACITY_COOLDOWN", COOLDOWN));
    ServerSideApply.namespace(world.hub(), NAMESPACE);
    world.apply(rider());
    policy =
        PolicyDraft.of(NAMESPACE, "capacity-app")
            .withRider("IaasRider", RIDER)
            .withPlacement(
                dev.failover.api.v1alpha1.failoverpolicy.PlacementStrategy.Priority,
                OTTAWA,
                CHICAGO,
                WASHINGTON);
    policy.applyTo(world).awaitActiveIn(OTTAWA, SETTLE);
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null && policy != null) {
        riderResource().delete();
        riderResource().waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        policy.deleteFrom(world);
      }
    } finally {
      try {
        if (world != null) {
          world.close();
        }
      } finally {
        // Ottawa, its metrics-server, the CRD and the load go with it: the shared testbed is as
        // it was.
        if (ottawa != null) {
          ottawa.delete();
        }
      }
    }
  }

  @Test
  @Order(1)
  void theDataCenterReportsItsCpuUtilizationAndTheRiderMeasuresIt() {
    DataCenterCapacity capacity = awaitUtilization(p -> p < 10, FIRST_FIGURES);
    assertThat(capacity.getUsedCpu()).isNotNull();
    assertThat(Instant.parse(capacity.getUsageSampledAt()))
        .isAfter(Instant.now().minus(Duration.ofMinutes(2)));

    RiderStatus status =
        awaitRider(
            "a sample of ottawa in the rider's status",
            s -> s.getCapacity() != null && !s.getCapacity().getSamples().isEmpty());
    CapacityScaling scaling = status.getCapacity();
    assertThat(scaling.getAdditionalMachines()).isZero();
    assertThat(scaling.getSamples())
        .allSatisfy(s -> assertThat(s.getDataCenter()).isEqualTo(OTTAWA));
    assertThat(machines()).isEqualTo(Map.of("app", "Always"));
  }

  @Test
  @Order(2)
  void aSustainedLoadOverTheThresholdProvisionsOneMoreMachine() {
    KubernetesClient admin = ottawa.client();
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(LOAD_NAMESPACE).endMetadata().build())
        .serverSideApply();
    Deployment load = FakeDeployments.fake(LOAD_NAMESPACE, "load", LOAD_PODS, Map.of(), Map.of());
    load.getSpec()
        .getTemplate()
        .getMetadata()
        .setAnnotations(Map.of("kwok.x-k8s.io/usage-cpu", "8"));
    admin.resource(load).create();
    awaitUtilization(p -> p >= 45, DECISION);

    RiderStatus status =
        awaitRider(
            "one machine added",
            s -> s.getCapacity() != null && s.getCapacity().getAdditionalMachines() == 1,
            DECISION);
    assertThat(status.getCapacity().getMessage())
        .startsWith("provisioned: over the threshold for 3 samples");
    Instant changed = Instant.parse(status.getCapacity().getLastChange());
    assertThat(status.getCapacity().getSamples())
        .as("cleared, and only figures taken after the change measure it")
        .allSatisfy(s -> assertThat(Instant.parse(s.getAt())).isAfter(changed));
    awaitMachines(Map.of("app", "Always", EXTRA, "Always"));
    GenericKubernetesResource extra = vms().withName(EXTRA).get();
    assertThat(extra.getMetadata().getLabels())
        .containsEntry("failover.dev/rider-name", RIDER)
        .containsEntry("failover.dev/virtual-machine", EXTRA);
    assertThat(extra.<Integer>get("spec", "template", "spec", "domain", "cpu", "cores").intValue())
        .as("a copy of app: Small")
        .isEqualTo(1);
    assertThat(riderEvents("CapacityProvisioned")).hasSize(1);
    assertThat(status.getLicenseUsage())
        .extracting(u -> u.getLimit() + " " + u.getUsed() + "/" + u.getAllowed())
        .contains("maxVirtualMachines 2/3");
  }

  @Test
  @Order(3)
  void atMostMaxAdditionalAndWhenTheLoadGoesTheMachineIsReleased() {
    // Still loaded after the cooldown: maxAdditionalVirtualMachines (1) holds.
    RiderStatus held =
        awaitRider(
            "the limit of one more machine named",
            s ->
                s.getCapacity()
                    .getMessage()
                    .contains("maxAdditionalVirtualMachines (1) is reached"),
            DECISION);
    assertThat(held.getCapacity().getAdditionalMachines()).isEqualTo(1);

    ottawa.client().apps().deployments().inNamespace(LOAD_NAMESPACE).withName("load").scale(0);
    awaitUtilization(p -> p < 10, DECISION);
    RiderStatus status =
        awaitRider(
            "the added machine released",
            s -> s.getCapacity().getAdditionalMachines() == 0,
            DECISION);
    assertThat(status.getCapacity().getMessage())
        .startsWith("released: under the threshold by 20 points");
    awaitMachines(Map.of("app", "Always"));
    assertThat(riderEvents("CapacityReleased")).hasSize(1);
    assertThat(riderEvents("CapacityProvisioned")).as("no second machine").hasSize(1);
  }

  private IaasRider rider() {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: IaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxVirtualMachines: 3, maxConcurrentSpecialists: 2, maxPaasDevelopersOnVms: 2}
          virtualMachines:
            - {name: app, size: Small}
          failoverPlan:
            capacityThreshold: {cpuUtilizationPercent: 40, maxAdditionalVirtualMachines: 1}
        """
            .formatted(RIDER, NAMESPACE);
    return world.hub().getKubernetesSerialization().unmarshal(yaml, IaasRider.class);
  }

  private Resource<IaasRider> riderResource() {
    return world.hub().resources(IaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
  }

  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition) {
    return awaitRider(what, condition, SETTLE);
  }

  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    RiderStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      IaasRider current = riderResource().get();
      last = current == null ? null : current.getStatus();
      if (last != null && condition.test(last)) {
        return last;
      }
      Sleep.of(Duration.ofMillis(500));
    }
    assertThat(last)
        .as(
            "%s; last status capacity: %s",
            what, last == null ? null : describe(last.getCapacity()))
        .matches(condition);
    return last;
  }

  private static String describe(CapacityScaling capacity) {
    return capacity == null
        ? "none"
        : capacity.getAdditionalMachines()
            + " added, "
            + capacity.getSamples().size()
            + " samples: "
            + capacity.getMessage();
  }

  /** Waits until Ottawa's DataCenter status shows a utilization that passes the test. */
  private DataCenterCapacity awaitUtilization(Predicate<Double> passes, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    DataCenterCapacity last = null;
    while (Instant.now().isBefore(deadline)) {
      var status = world.dataCenterResource(OTTAWA).getStatus();
      last = status == null ? null : status.getCapacity();
      if (last != null
          && last.getCpuUtilizationPercent() != null
          && passes.test(last.getCpuUtilizationPercent())) {
        return last;
      }
      Sleep.of(Duration.ofSeconds(1));
    }
    assertThat(last == null ? null : last.getCpuUtilizationPercent())
        .as("ottawa's CPU utilization")
        .matches(p -> p != null && passes.test(p));
    return last;
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      vms() {
    return ottawa.client().genericKubernetesResources(VM).inNamespace(NAMESPACE);
  }

  private Map<String, String> machines() {
    Map<String, String> found = new TreeMap<>();
    for (GenericKubernetesResource vm :
        vms().withLabel("failover.dev/rider-name", RIDER).list().getItems()) {
      found.put(vm.getMetadata().getName(), vm.get("spec", "runStrategy"));
    }
    return found;
  }

  private void awaitMachines(Map<String, String> expected) {
    Instant deadline = Instant.now().plus(SETTLE);
    Map<String, String> last = Map.of();
    while (Instant.now().isBefore(deadline)) {
      last = machines();
      if (last.equals(expected)) {
        return;
      }
      Sleep.of(Duration.ofMillis(250));
    }
    assertThat(last).as("machines in ottawa").isEqualTo(expected);
  }

  private List<Event> riderEvents(String reason) {
    return world.hub().v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> RIDER.equals(e.getInvolvedObject().getName()))
        .toList();
  }
}
