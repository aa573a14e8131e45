package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.core.vm.DesiredMachine;
import dev.failover.core.vm.MachinePlan;
import dev.failover.core.vm.MachinePlanner;
import dev.failover.core.vm.MachineSpec;
import dev.failover.core.vm.PolicyPlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachinesConditionTest {
  private static final List<String> TCW = List.of("toronto", "chicago", "washington");

  private static MachinePlan plan(int max, MachineSpec... machines) {
    return MachinePlanner.plan(
        List.of(machines), List.of(new PolicyPlacement("a", TCW, "toronto")), max);
  }

  private static List<AppliedVirtualMachine> entries(
      MachinePlan plan, String dataCenter, boolean applied, String message) {
    return plan.machines().stream()
        .map(
            m ->
                m.dataCenter().equals(dataCenter)
                    ? RiderMachines.entry(m, applied, message)
                    : RiderMachines.entry(m, true, m.why()))
        .toList();
  }

  @Test
  void everyMachineEverywhereIsReadyAndSaysWhatRuns() {
    MachinePlan plan = plan(3, MachineSpec.production("app"), MachineSpec.failoverMachine("sb"));
    List<AppliedVirtualMachine> all =
        plan.machines().stream().map(m -> RiderMachines.entry(m, true, m.why())).toList();

    MachinesCondition condition = MachinesCondition.of(plan, all, List.of());

    assertThat(condition.ready()).isTrue();
    assertThat(condition.reason()).isEqualTo("Applied");
    assertThat(condition.message())
        .isEqualTo("2 machine(s) in chicago, toronto, washington; running: app@toronto");
  }

  @Test
  void aDataCenterWithoutKubeVirtIsNamedAndNotReady() {
    MachinePlan plan = plan(3, MachineSpec.production("app"));

    MachinesCondition condition =
        MachinesCondition.of(
            plan,
            entries(plan, "washington", false, "washington " + RiderMachines.NOT_SERVED + ": x"),
            List.of());

    assertThat(condition.ready()).isFalse();
    assertThat(condition.reason()).isEqualTo("KubeVirtNotServed");
    assertThat(condition.message())
        .startsWith(
            "not in every data center: washington does not serve kubevirt.io/v1 VirtualMachines")
        .doesNotContain("toronto");
  }

  @Test
  void anUnreachableDataCenterIsPendingMachineByMachine() {
    MachinePlan plan = plan(3, MachineSpec.production("app"));

    MachinesCondition condition =
        MachinesCondition.of(
            plan, entries(plan, "chicago", false, RiderMachines.unreachable("chicago")), List.of());

    assertThat(condition.reason()).isEqualTo("Pending");
    assertThat(condition.message()).contains("app@chicago: chicago cannot be reached");
  }

  @Test
  void aMissingDataCenterComesFirst() {
    MachinePlan plan = plan(3, MachineSpec.production("app"));

    MachinesCondition condition =
        MachinesCondition.of(
            plan,
            entries(plan, "washington", false, "washington " + RiderMachines.NOT_SERVED),
            List.of("paris"));

    assertThat(condition.reason()).isEqualTo("DataCenterMissing");
    assertThat(condition.message()).contains("paris: no DataCenter").contains("washington");
  }

  @Test
  void machinesHeldByTheLicenseAreCounted() {
    MachinePlan plan = plan(1, MachineSpec.production("app"), MachineSpec.production("db"));
    List<AppliedVirtualMachine> all =
        plan.machines().stream().map(m -> RiderMachines.entry(m, true, m.why())).toList();

    MachinesCondition condition = MachinesCondition.of(plan, all, List.of());

    assertThat(condition.ready()).isTrue();
    assertThat(condition.message())
        .endsWith("running: app@toronto; 1 more would run but license.maxVirtualMachines allows 1");
  }

  @Test
  void noPoliciesOrNoMachinesAreReadyAndSaySo() {
    MachinePlan none = MachinePlanner.plan(List.of(MachineSpec.production("app")), List.of(), 3);
    MachinePlan empty = plan(3);

    assertThat(MachinesCondition.of(none, List.of(), List.of()).reason()).isEqualTo("NoPolicies");
    assertThat(MachinesCondition.of(empty, List.of(), List.of()).reason())
        .isEqualTo("NoVirtualMachines");
    assertThat(MachinesCondition.of(empty, List.of(), List.of()).ready()).isTrue();
  }

  @Test
  void anEntryCarriesTheMachinesStrategyAndKind() {
    DesiredMachine machine = plan(3, MachineSpec.failoverMachine("sb")).in("toronto").get(0);

    AppliedVirtualMachine entry = RiderMachines.entry(machine, true, "ok");

    assertThat(entry.getDataCenter()).isEqualTo("toronto");
    assertThat(entry.getName()).isEqualTo("sb");
    assertThat(entry.getFailover()).isTrue();
    assertThat(entry.getRunStrategy()).isEqualTo("Halted");
    assertThat(entry.getApplied()).isTrue();
  }
}
