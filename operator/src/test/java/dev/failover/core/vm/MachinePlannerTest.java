package dev.failover.core.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.iaasrider.IoProfile;
import dev.failover.api.v1alpha1.iaasrider.VmSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MachinePlannerTest {
  private static final List<String> TCW = List.of("toronto", "chicago", "washington");
  private static final MachineSpec APP = MachineSpec.production("app");
  private static final MachineSpec DB = MachineSpec.production("db");
  private static final MachineSpec STANDBY = MachineSpec.failoverMachine("standby");

  private static PolicyPlacement policy(String name, String active) {
    return new PolicyPlacement(name, TCW, active);
  }

  /** {@code dataCenter/machine → strategy}, for compact expectations. */
  private static Map<String, String> strategies(MachinePlan plan) {
    Map<String, String> found = new TreeMap<>();
    plan.machines()
        .forEach(m -> found.put(m.dataCenter() + "/" + m.name(), m.runStrategy().name()));
    return found;
  }

  @Test
  void withoutPoliciesNoDataCenterGetsAMachine() {
    MachinePlan plan = MachinePlanner.plan(List.of(APP, STANDBY), List.of(), 5);

    assertThat(plan.machines()).isEmpty();
    assertThat(plan.dataCenters()).isEmpty();
    assertThat(plan.running()).isZero();
  }

  @Test
  void everyMachineIsDefinedInEveryDataCenterOfThePolicies() {
    PolicyPlacement other = new PolicyPlacement("other", List.of("paris", "toronto"), null);

    MachinePlan plan =
        MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", "toronto"), other), 5);

    assertThat(plan.dataCenters()).containsExactly("chicago", "paris", "toronto", "washington");
    assertThat(plan.machines()).hasSize(8);
    assertThat(plan.in("paris")).extracting(DesiredMachine::name).containsExactly("app", "standby");
  }

  @Test
  void productionMachinesRunWhereThePolicyIsActiveAndFailoverOnesWaitAtThePrimary() {
    MachinePlan plan =
        MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", "toronto")), 5);

    assertThat(strategies(plan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "toronto/app", "Always",
                "toronto/standby", "Halted",
                "chicago/app", "Halted",
                "chicago/standby", "Halted",
                "washington/app", "Halted",
                "washington/standby", "Halted"));
    assertThat(plan.in("toronto").get(0).why()).contains("active here: a");
    assertThat(plan.in("toronto").get(1).why())
        .isEqualTo("halted: no policy of the rider has failed over to toronto");
    assertThat(plan.in("chicago").get(0).why())
        .isEqualTo("halted: no policy of the rider is active in chicago");
  }

  @Test
  void afterAFailoverBothKindsRunWhereThePolicyNowIsAndNothingAtThePrimary() {
    MachinePlan plan =
        MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", "chicago")), 5);

    assertThat(strategies(plan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "toronto/app", "Halted",
                "toronto/standby", "Halted",
                "chicago/app", "Always",
                "chicago/standby", "Always",
                "washington/app", "Halted",
                "washington/standby", "Halted"));
    assertThat(plan.in("chicago").get(1).why())
        .isEqualTo("runs: failed over here: a (primary toronto)");
    assertThat(plan.running()).isEqualTo(2);
  }

  @Test
  void aFailbackHaltsTheFailoverMachinesAgain() {
    MachinePlan failedOver =
        MachinePlanner.plan(List.of(STANDBY), List.of(policy("a", "washington")), 5);
    MachinePlan failedBack =
        MachinePlanner.plan(List.of(STANDBY), List.of(policy("a", "toronto")), 5);

    assertThat(failedOver.runningNames()).isEqualTo("standby@washington");
    assertThat(failedBack.running()).isZero();
  }

  @Test
  void aPolicyNotYetPlacedRunsNothing() {
    MachinePlan plan = MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", null)), 5);

    assertThat(plan.machines()).hasSize(6).allMatch(m -> m.runStrategy() == RunStrategy.Halted);
  }

  @Test
  void anActiveDataCenterThePlacementDoesNotListIsIgnored() {
    MachinePlan plan = MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", "paris")), 5);

    assertThat(plan.running()).isZero();
    assertThat(plan.dataCenters()).doesNotContain("paris");
  }

  @Test
  void twoPoliciesActiveInTwoDataCentersRunTheProductionMachinesInBoth() {
    PolicyPlacement b = new PolicyPlacement("b", List.of("chicago", "toronto"), "chicago");

    MachinePlan plan =
        MachinePlanner.plan(List.of(APP, STANDBY), List.of(policy("a", "toronto"), b), 5);

    // b is at its own primary: no failover machine runs.
    assertThat(plan.runningNames()).isEqualTo("app@chicago, app@toronto");
  }

  @Test
  void theLicenseCapsTheRunningMachinesAndTheRestStayHaltedSayingWhy() {
    PolicyPlacement b = new PolicyPlacement("b", List.of("chicago", "toronto"), "chicago");

    MachinePlan plan = MachinePlanner.plan(List.of(APP, DB), List.of(policy("a", "toronto"), b), 2);

    // One policy active in each: the tie goes by name, chicago first.
    assertThat(plan.runningNames()).isEqualTo("app@chicago, db@chicago");
    assertThat(plan.heldByLicense()).isEqualTo(2);
    assertThat(plan.in("toronto"))
        .allSatisfy(
            m -> {
              assertThat(m.runStrategy()).isEqualTo(RunStrategy.Halted);
              assertThat(m.why())
                  .isEqualTo(
                      "would run, but license.maxVirtualMachines allows 2 running machine(s) and"
                          + " they are taken");
            });
  }

  @Test
  void productionMachinesComeBeforeFailoverOnesUnderTheLicense() {
    MachinePlan plan =
        MachinePlanner.plan(List.of(STANDBY, APP), List.of(policy("a", "chicago")), 1);

    assertThat(plan.runningNames()).isEqualTo("app@chicago");
    assertThat(plan.heldByLicense()).isEqualTo(1);
  }

  @Test
  void theDataCenterWithMorePoliciesActiveComesFirstUnderTheLicense() {
    PolicyPlacement b = new PolicyPlacement("b", TCW, "washington");
    PolicyPlacement c = new PolicyPlacement("c", TCW, "washington");

    MachinePlan plan = MachinePlanner.plan(List.of(APP), List.of(policy("a", "chicago"), b, c), 1);

    assertThat(plan.runningNames()).isEqualTo("app@washington");
  }

  @Test
  void machinesRunInTheRidersOrderWhenTheLicenseCutsInOneDataCenter() {
    MachinePlan plan = MachinePlanner.plan(List.of(DB, APP), List.of(policy("a", "toronto")), 1);

    assertThat(plan.runningNames()).isEqualTo("db@toronto");
  }

  @Test
  void aLicenseOfZeroRunsNothing() {
    MachinePlan plan = MachinePlanner.plan(List.of(APP), List.of(policy("a", "toronto")), 0);

    assertThat(plan.running()).isZero();
    assertThat(plan.heldByLicense()).isEqualTo(1);
    assertThat(plan.allowed()).isZero();
  }

  @Test
  void randomRidersNeverRunMoreThanTheLicenseAndDefineEachMachineOncePerDataCenter() {
    Random random = new Random(11);
    List<String> pool = List.of("toronto", "chicago", "washington", "paris", "tokyo");
    for (int round = 0; round < 2000; round++) {
      List<MachineSpec> machines = new ArrayList<>();
      int count = random.nextInt(6);
      for (int i = 0; i < count; i++) {
        machines.add(
            new MachineSpec(
                "vm" + i,
                VmSize.values()[random.nextInt(4)],
                IoProfile.values()[random.nextInt(2)],
                1 + random.nextInt(100),
                random.nextBoolean()));
      }
      List<PolicyPlacement> policies = new ArrayList<>();
      int policyCount = random.nextInt(4);
      for (int p = 0; p < policyCount; p++) {
        List<String> shuffled = new ArrayList<>(pool);
        java.util.Collections.shuffle(shuffled, random);
        List<String> placement = shuffled.subList(0, 1 + random.nextInt(3));
        String active =
            random.nextInt(4) == 0 ? null : placement.get(random.nextInt(placement.size()));
        policies.add(new PolicyPlacement("p" + p, placement, active));
      }
      int max = random.nextInt(8);

      MachinePlan plan = MachinePlanner.plan(machines, policies, max);

      assertThat(plan.running()).isLessThanOrEqualTo(max);
      assertThat(plan.machines()).hasSize(plan.dataCenters().size() * machines.size());
      Set<String> seen = new HashSet<>();
      for (DesiredMachine m : plan.machines()) {
        assertThat(seen.add(m.dataCenter() + "/" + m.name())).isTrue();
        if (m.running()) {
          boolean activeThere =
              policies.stream()
                  .anyMatch(p -> p.active().filter(m.dataCenter()::equals).isPresent());
          boolean failedOverThere =
              policies.stream()
                  .anyMatch(p -> p.failedOver() && p.active().orElseThrow().equals(m.dataCenter()));
          assertThat(m.machine().failover() ? failedOverThere : activeThere)
              .as("%s runs in %s only for a reason", m.name(), m.dataCenter())
              .isTrue();
        }
      }
      // Nothing held without need: held machines exist only when the license is full.
      if (plan.heldByLicense() > 0) {
        assertThat(plan.running()).isEqualTo(max);
      }
    }
  }
}
