package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.paasrider.PaasTask;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GrantPlanTest {
  private static final Subject ALICE = new Subject("User", "alice", null);
  private static final Subject BOB = new Subject("User", "bob", null);
  private static final Subject DEVS = new Subject("Group", "devs", null);
  private static final Subject CI = new Subject("ServiceAccount", "ci", "billing");
  private static final TaskRole DEPLOY = TaskRoles.of(PaasTask.DeployApplications).orElseThrow();
  private static final TaskRole BACKUP = TaskRoles.of(PaasTask.RunBackups).orElseThrow();
  private static final TaskRole FIREWALL =
      TaskRoles.of(PaasTask.ConfigureApplicationFirewall).orElseThrow();

  @Test
  void oneBindingPerTaskAndNamespaceWithEverySubjectThatHasTheTask() {
    GrantPlan plan =
        GrantPlan.of(
            "paas",
            "billing",
            List.of("billing", "billing-eu"),
            List.of(
                new RiderGrant(List.of(ALICE, DEVS), List.of(DEPLOY, BACKUP)),
                new RiderGrant(List.of(BOB, ALICE), List.of(DEPLOY, FIREWALL))),
            OptionalInt.empty());

    assertThat(plan.bindings())
        .extracting(b -> b.namespace() + "/" + b.name() + " " + b.subjects())
        .containsExactly(
            "billing/failover-paas-billing-deploy-applications [User/alice, Group/devs, User/bob]",
            "billing/failover-paas-billing-run-backups [User/alice, Group/devs]",
            "billing/failover-paas-billing-configure-application-firewall [User/bob, User/alice]",
            "billing-eu/failover-paas-billing-deploy-applications [User/alice, Group/devs, User/bob]",
            "billing-eu/failover-paas-billing-run-backups [User/alice, Group/devs]",
            "billing-eu/failover-paas-billing-configure-application-firewall [User/bob, User/alice]");
    assertThat(plan.bound()).containsExactly(ALICE, DEVS, BOB);
    assertThat(plan.unbound()).isEmpty();
  }

  @Test
  void pastThePeopleLimitTheLaterSubjectsInGrantOrderAreNotBound() {
    GrantPlan plan =
        GrantPlan.of(
            "paas",
            "billing",
            List.of("billing"),
            List.of(
                new RiderGrant(List.of(ALICE, DEVS), List.of(DEPLOY)),
                new RiderGrant(List.of(CI, BOB, ALICE), List.of(BACKUP))),
            OptionalInt.of(2));

    assertThat(plan.bound()).containsExactly(ALICE, DEVS);
    assertThat(plan.unbound()).containsExactly(CI, BOB);
    // Alice is bound for both of her tasks; the unbound subjects appear in no binding.
    assertThat(plan.bindings())
        .extracting(b -> b.name() + " " + b.subjects())
        .containsExactly(
            "failover-paas-billing-deploy-applications [User/alice, Group/devs]",
            "failover-paas-billing-run-backups [User/alice]");
  }

  @Test
  void aTaskWhoseSubjectsAreAllOverTheLimitGetsNoBinding() {
    GrantPlan plan =
        GrantPlan.of(
            "paas",
            "billing",
            List.of("billing"),
            List.of(
                new RiderGrant(List.of(ALICE), List.of(DEPLOY)),
                new RiderGrant(List.of(BOB), List.of(FIREWALL))),
            OptionalInt.of(1));

    assertThat(plan.bindings()).extracting(DesiredBinding::role).containsExactly(DEPLOY);
    assertThat(plan.unbound()).containsExactly(BOB);
  }

  @Test
  void theSameSubjectTwiceCountsOnceAgainstTheLimit() {
    GrantPlan plan =
        GrantPlan.of(
            "paas",
            "billing",
            List.of("billing"),
            List.of(
                new RiderGrant(List.of(ALICE, ALICE), List.of(DEPLOY)),
                new RiderGrant(List.of(new Subject("User", "alice", null)), List.of(BACKUP))),
            OptionalInt.of(1));

    assertThat(plan.bound()).containsExactly(ALICE);
    assertThat(plan.unbound()).isEmpty();
    assertThat(plan.bindings()).allSatisfy(b -> assertThat(b.subjects()).containsExactly(ALICE));
  }

  @Test
  void noGrantsMeanNoBindings() {
    GrantPlan plan = GrantPlan.of("saas", "crm", List.of("shop"), List.of(), OptionalInt.of(3));
    assertThat(plan.bindings()).isEmpty();
    assertThat(plan.bound()).isEmpty();
    assertThat(plan.unbound()).isEmpty();
  }

  @Test
  void aLongRiderNameIsShortenedButKeepsTheTaskAndStaysUnique() {
    String longName = "r".repeat(250);
    String otherLong = "r".repeat(249) + "s";
    String name = GrantPlan.bindingName("paas", longName, DEPLOY);
    String other = GrantPlan.bindingName("paas", otherLong, DEPLOY);
    assertThat(name).hasSizeLessThanOrEqualTo(253).endsWith("-deploy-applications");
    assertThat(name).isNotEqualTo(other);
  }

  @Test
  void aServiceAccountAndOnlyAServiceAccountHasANamespace() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Subject("User", "a", "ns"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Subject("ServiceAccount", "a", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CI).hasToString("ServiceAccount/billing/ci");
  }
}
