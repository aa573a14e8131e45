package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.core.vm.MachineSpec;
import dev.failover.operator.clusters.DataCenterConnections;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paths of {@link RiderMachines#sync} that make no call: unreachable and missing ones. */
class RiderMachinesTest {
  private final DataCenterConnections connections = mock(DataCenterConnections.class);
  private final RiderMachines machines =
      new RiderMachines(connections, new KubeVirtDiscovery(Clock.systemUTC()));
  private static final RiderTerms RIDER =
      RiderTerms.of(
          Serialization.unmarshal(
              """
              apiVersion: failover.dev/v1alpha1
              kind: IaasRider
              metadata: {name: vms, namespace: shop}
              spec:
                license: {maxVirtualMachines: 3, maxConcurrentSpecialists: 1, maxPaasDevelopersOnVms: 0}
              """,
              IaasRider.class));
  private static final MachineTerms TERMS =
      new MachineTerms(
          List.of(MachineSpec.production("app"), MachineSpec.failoverMachine("standby")), 3);

  private static FailoverPolicy policy(String primary, String secondary, String active) {
    FailoverPolicy policy =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: a, namespace: shop}
            spec:
              riderRef: {kind: IaasRider, name: vms}
              placement: {strategy: Priority, primary: %s, secondaries: [%s]}
              workload:
                manifests:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
            """
                .formatted(primary, secondary),
            FailoverPolicy.class);
    policy.setStatus(new dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus());
    policy.getStatus().setActiveDataCenter(active);
    return policy;
  }

  private static DataCenter unreachable(String name) {
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName(name).build());
    DataCenterStatus status = new DataCenterStatus();
    status.setPhase(DataCenterPhase.Unreachable);
    dataCenter.setStatus(status);
    return dataCenter;
  }

  @Test
  void anUnreachableDataCenterKeepsEveryMachinePendingAndAMissingOneIsNamed() {
    RiderMachines.Outcome outcome =
        machines.sync(
            RIDER,
            TERMS,
            List.of(policy("toronto", "chicago", "chicago")),
            name -> name.equals("toronto") ? Optional.of(unreachable(name)) : Optional.empty(),
            new RiderStatus());

    assertThat(outcome.missing()).containsExactly("chicago");
    assertThat(outcome.entries())
        .extracting(e -> e.getDataCenter() + "/" + e.getName() + " " + e.getRunStrategy())
        .containsExactly("toronto/app Halted", "toronto/standby Halted");
    assertThat(outcome.entries())
        .allSatisfy(
            e -> {
              assertThat(e.getApplied()).isFalse();
              assertThat(e.getMessage()).startsWith("toronto cannot be reached");
            });
    assertThat(outcome.plan().runningNames()).isEqualTo("app@chicago, standby@chicago");
    verifyNoInteractions(connections);
  }

  @Test
  void aDataCenterLeftWhileUnreachableIsRememberedUntilItsMachinesAreGone() {
    AppliedVirtualMachine before = new AppliedVirtualMachine();
    before.setDataCenter("washington");
    before.setName("app");
    before.setRunStrategy("Halted");
    before.setApplied(true);
    RiderStatus stored = new RiderStatus();
    stored.setVirtualMachines(List.of(before));
    Map<String, DataCenter> hub =
        Map.of("toronto", unreachable("toronto"), "washington", unreachable("washington"));

    RiderMachines.Outcome outcome =
        machines.sync(
            RIDER,
            TERMS,
            List.of(policy("toronto", "chicago", "toronto")),
            name -> Optional.ofNullable(hub.get(name)),
            stored);

    assertThat(outcome.entries())
        .filteredOn(e -> e.getDataCenter().equals("washington"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getApplied()).isFalse();
              assertThat(e.getMessage())
                  .contains("no policy of the rider runs there any more, so it will be deleted");
            });
    assertThat(RiderMachines.dataCentersIn(stored)).containsExactly("washington");
  }

  @Test
  void aDataCenterLeftAndDeletedFromTheHubIsForgotten() {
    AppliedVirtualMachine before = new AppliedVirtualMachine();
    before.setDataCenter("paris");
    before.setName("app");
    RiderStatus stored = new RiderStatus();
    stored.setVirtualMachines(List.of(before));

    RiderMachines.Outcome outcome =
        machines.sync(
            RIDER,
            TERMS,
            List.of(policy("toronto", "chicago", null)),
            name -> name.equals("paris") ? Optional.empty() : Optional.of(unreachable(name)),
            stored);

    assertThat(outcome.entries()).noneMatch(e -> e.getDataCenter().equals("paris"));
    assertThat(outcome.entries()).hasSize(4);
  }
}
