package dev.failover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * An IaaS rider's virtual machines, with the operator as its own process and three data centers,
 * two of which (Toronto, Chicago) serve KubeVirt's VirtualMachine API and one (Washington) does
 * not. The machines exist where the policy may run and the API is served, production ones running
 * where the policy is active; Washington gets none and the rider says so. A blackout of Toronto
 * fails the policy over to Chicago, where the failover machine starts; Toronto's are halted on its
 * return. A machine removed from the rider is pruned, and deleting the rider removes the rest.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IaasVirtualMachinesE2E {
  private static final String NAMESPACE = "e2e-vms";
  private static final String RIDER = "vms";
  private static final String TORONTO = "toronto";
  private static final String CHICAGO = "chicago";
  private static final String WASHINGTON = "washington";
  private static final List<String> KUBEVIRT = List.of(TORONTO, CHICAGO);
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Duration RETURN = Duration.ofSeconds(120);
  private static final String CRD = "virtualmachines.kubevirt.io";
  private static final ResourceDefinitionContext VM =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubevirt.io")
          .withVersion("v1")
          .withKind("VirtualMachine")
          .withPlural("virtualmachines")
          .withNamespaced(true)
          .build();

  private static final String ALL_MACHINES =
      """
      - {name: app, size: Large, storageGi: 40}
      - {name: batch, size: Small}
      - {name: standby, size: Small, ioProfile: IoHeavy, failover: true}
      """;

  private FailoverWorld world;
  private PolicyDraft policy;
  private final List<String> crdsInstalled = new ArrayList<>();

  @BeforeAll
  void startTheOperator(Testbed testbed) throws URISyntaxException {
    world = FailoverWorld.start(testbed, FastProbes.blackoutPlans());
    Path crd =
        Path.of(getClass().getResource("/kubevirt/virtualmachines.kubevirt.io.yaml").toURI());
    for (String dataCenter : KUBEVIRT) {
      FailoverCrds.install(world.dataCenter(dataCenter).client(), crd);
      crdsInstalled.add(dataCenter);
    }
    world.operator();
    ServerSideApply.namespace(world.hub(), NAMESPACE);
    world.apply(rider(ALL_MACHINES));
    // Manual failback: the policy stays in Chicago after Toronto returns.
    // Manual failback: placed while Toronto is still returning from an earlier test, the policy
    // would stay in Chicago. Wait for all three first.
    BlackoutChecks.awaitAllHealthy(world);
    policy = PolicyDraft.of(NAMESPACE, "vm-app").withRider("IaasRider", RIDER).withManualFailback();
    policy.applyTo(world).awaitActiveIn(TORONTO, SETTLE);
  }

  @AfterAll
  void removeEverything() {
    try {
      if (world != null && policy != null) {
        rider().delete();
        rider().waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        for (String dataCenter : KUBEVIRT) {
          assertThat(machines(dataCenter))
              .as("the deleted rider's machines in %s", dataCenter)
              .isEmpty();
        }
        policy.deleteFrom(world);
      }
    } finally {
      try {
        for (String dataCenter : crdsInstalled) {
          var crds = world.dataCenter(dataCenter).client().apiextensions().v1();
          crds.customResourceDefinitions().withName(CRD).delete();
          crds.customResourceDefinitions()
              .withName(CRD)
              .waitUntilCondition(Objects::isNull, SETTLE.toSeconds(), TimeUnit.SECONDS);
        }
      } finally {
        if (world != null) {
          world.close();
        }
      }
    }
  }

  @Test
  @Order(1)
  void machinesExistWhereKubeVirtIsServedAndRunWhereThePolicyIsActive() {
    awaitMachines(TORONTO, Map.of("app", "Always", "batch", "Always", "standby", "Halted"));
    awaitMachines(CHICAGO, Map.of("app", "Halted", "batch", "Halted", "standby", "Halted"));

    GenericKubernetesResource app = vms(TORONTO).withName("app").get();
    assertThat(app.getMetadata().getLabels())
        .containsEntry("failover.dev/rider-kind", "iaas")
        .containsEntry("failover.dev/rider-name", RIDER)
        .containsEntry("failover.dev/virtual-machine", "app")
        .containsEntry("failover.dev/failover-machine", "false");
    // Large: 4 cores, 16 GiB; its disk 40 GiB.
    assertThat(app.<Integer>get("spec", "template", "spec", "domain", "cpu", "cores").intValue())
        .isEqualTo(4);
    assertThat(app.<String>get("spec", "template", "spec", "domain", "memory", "guest"))
        .isEqualTo("16Gi");
    assertThat(
            app.<String>get(
                "spec",
                "dataVolumeTemplates",
                0,
                "spec",
                "storage",
                "resources",
                "requests",
                "storage"))
        .isEqualTo("40Gi");
    GenericKubernetesResource standby = vms(CHICAGO).withName("standby").get();
    assertThat(standby.getMetadata().getLabels())
        .containsEntry("failover.dev/failover-machine", "true");
    assertThat(
            standby.<Boolean>get(
                "spec", "template", "spec", "domain", "devices", "disks", 0, "dedicatedIOThread"))
        .as("IoHeavy: a dedicated I/O thread")
        .isTrue();

    // Washington serves no VirtualMachine API: nothing pretends, the rider says so.
    RiderStatus status =
        awaitRider(
            "KubeVirtNotServed, naming washington",
            // The machines are applied before the status that counts them is written: wait for
            // that status, not an earlier one.
            s ->
                conditionIs(s, ConditionTypes.VIRTUAL_MACHINES_READY, "False")
                    && s.getVirtualMachines().size() == 9
                    && s.getLicenseUsage().stream()
                        .anyMatch(
                            u -> "maxVirtualMachines".equals(u.getLimit()) && u.getUsed() == 2L));
    Condition notServed = status.condition(ConditionTypes.VIRTUAL_MACHINES_READY).orElseThrow();
    assertThat(notServed.getReason()).isEqualTo("KubeVirtNotServed");
    assertThat(notServed.getMessage()).contains(WASHINGTON).doesNotContain(TORONTO);
    assertThat(status.condition(ConditionTypes.READY).orElseThrow().getStatus()).isEqualTo("False");
    assertThat(status.getVirtualMachines())
        .filteredOn(m -> m.getDataCenter().equals(WASHINGTON))
        .hasSize(3)
        .allSatisfy(
            m -> {
              assertThat(m.getApplied()).isFalse();
              assertThat(m.getMessage()).contains("does not serve kubevirt.io/v1");
            });
    assertThat(status.getVirtualMachines())
        .filteredOn(m -> !m.getDataCenter().equals(WASHINGTON))
        .extracting(AppliedVirtualMachine::getApplied)
        .containsOnly(true);
    assertThat(status.getLicenseUsage())
        .extracting(u -> u.getLimit() + " " + u.getUsed() + "/" + u.getAllowed())
        .contains("maxVirtualMachines 2/3");
    assertThat(
            world
                .dataCenter(WASHINGTON)
                .client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(CRD)
                .get())
        .as("no KubeVirt in washington")
        .isNull();
  }

  @Test
  @Order(2)
  void aFailoverToChicagoStartsItsFailoverMachineAndTorontosAreHaltedOnItsReturn() {
    DataCenterCluster toronto = world.dataCenter(TORONTO);
    toronto.stop();
    boolean down = true;
    try {
      new PolicyWatch(world, NAMESPACE, policy.name()).awaitActiveIn(CHICAGO, SETTLE);
      java.time.Instant activeAt = java.time.Instant.now();
      awaitMachines(CHICAGO, Map.of("app", "Always", "batch", "Always", "standby", "Always"));
      System.out.printf(
          "chicago: machines running %d ms after the policy was seen active there%n",
          Duration.between(activeAt, java.time.Instant.now()).toMillis());
      RiderStatus pending =
          awaitRider(
              "toronto pending",
              s ->
                  s.getVirtualMachines().stream()
                      .anyMatch(
                          m ->
                              m.getDataCenter().equals(TORONTO)
                                  && Boolean.FALSE.equals(m.getApplied())));
      assertThat(pending.getVirtualMachines())
          .filteredOn(m -> m.getDataCenter().equals(TORONTO))
          .allSatisfy(m -> assertThat(m.getMessage()).contains("toronto cannot be reached"));
      toronto.start();
      down = false;
    } finally {
      if (down) {
        toronto.start();
      }
    }
    // Back, and not active: its machines are halted (the policy fails back only by hand).
    awaitMachines(TORONTO, Map.of("app", "Halted", "batch", "Halted", "standby", "Halted"));
    world.awaitDataCenterPhase(TORONTO, DataCenterPhase.Healthy, RETURN);
    assertThat(rider().get().getStatus().getLicenseUsage())
        .extracting(u -> u.getLimit() + " " + u.getUsed() + "/" + u.getAllowed())
        .contains("maxVirtualMachines 3/3");
  }

  @Test
  @Order(3)
  void aMachineRemovedFromTheRiderIsPrunedEverywhere() {
    world.apply(
        rider(
            """
            - {name: app, size: Large, storageGi: 40}
            - {name: standby, size: Small, ioProfile: IoHeavy, failover: true}
            """));
    awaitMachines(CHICAGO, Map.of("app", "Always", "standby", "Always"));
    awaitMachines(TORONTO, Map.of("app", "Halted", "standby", "Halted"));
    awaitRider(
        "batch gone from status",
        s -> s.getVirtualMachines().stream().noneMatch(m -> m.getName().equals("batch")));
  }

  private IaasRider rider(String machines) {
    String yaml =
        """
        apiVersion: failover.dev/v1alpha1
        kind: IaasRider
        metadata: {name: %s, namespace: %s}
        spec:
          license: {maxVirtualMachines: 3, maxConcurrentSpecialists: 2, maxPaasDevelopersOnVms: 2}
          virtualMachines:
        %s"""
            .formatted(RIDER, NAMESPACE, machines.indent(4));
    return world.hub().getKubernetesSerialization().unmarshal(yaml, IaasRider.class);
  }

  private Resource<IaasRider> rider() {
    return world.hub().resources(IaasRider.class).inNamespace(NAMESPACE).withName(RIDER);
  }

  private RiderStatus awaitRider(String what, Predicate<RiderStatus> condition) {
    IaasRider reached =
        rider()
            .waitUntilCondition(
                r -> r != null && r.getStatus() != null && condition.test(r.getStatus()),
                SETTLE.toSeconds(),
                TimeUnit.SECONDS);
    assertThat(reached).as(what).isNotNull();
    return reached.getStatus();
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      vms(String dataCenter) {
    KubernetesClient admin = world.dataCenter(dataCenter).client();
    return admin.genericKubernetesResources(VM).inNamespace(NAMESPACE);
  }

  /** The rider's machines in the data center, by name, with their run strategy. */
  private Map<String, String> machines(String dataCenter) {
    Map<String, String> found = new java.util.TreeMap<>();
    for (GenericKubernetesResource vm :
        vms(dataCenter).withLabel("failover.dev/rider-name", RIDER).list().getItems()) {
      found.put(vm.getMetadata().getName(), vm.get("spec", "runStrategy"));
    }
    return found;
  }

  /** Waits, bounded, until the data center holds exactly these machines with these strategies. */
  private void awaitMachines(String dataCenter, Map<String, String> expected) {
    java.time.Instant deadline = java.time.Instant.now().plus(SETTLE);
    Map<String, String> last = Map.of();
    while (java.time.Instant.now().isBefore(deadline)) {
      try {
        last = machines(dataCenter);
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        last = Map.of("(error)", e.getMessage());
      }
      if (last.equals(expected)) {
        return;
      }
      dev.failover.testbed.Sleep.of(Duration.ofMillis(250));
    }
    assertThat(last).as("machines in %s", dataCenter).isEqualTo(expected);
  }

  private static boolean conditionIs(RiderStatus status, String type, String value) {
    return status.condition(type).map(c -> value.equals(c.getStatus())).orElse(false);
  }
}
