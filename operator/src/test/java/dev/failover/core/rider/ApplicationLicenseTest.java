package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.ApplicationLicense.RiderPolicy;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationLicenseTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final ApplicationLicense TWO_BILLING =
      new ApplicationLicense(
          OptionalInt.of(2),
          "license.maxApplicationsDeveloped",
          Set.of("BillingPayroll", "SaasApplication"),
          "applicationDevelopment.applicationTypes");

  private static RiderPolicy policy(String name, int second, String type) {
    return new RiderPolicy(name, T0.plusSeconds(second), type);
  }

  @Test
  void theOldestPoliciesUpToTheLimitRunAndTheNextIsRefusedNamingThem() {
    RiderPolicy a = policy("a", 0, "BillingPayroll");
    RiderPolicy b = policy("b", 1, null);
    RiderPolicy c = policy("c", 2, "SaasApplication");
    List<RiderPolicy> all = List.of(c, a, b);

    assertThat(TWO_BILLING.check(a, all, "PaasRider billing")).isEmpty();
    assertThat(TWO_BILLING.check(b, all, "PaasRider billing")).isEmpty();
    var refusal = TWO_BILLING.check(c, all, "PaasRider billing").orElseThrow();
    assertThat(refusal.reason()).isEqualTo("ApplicationLimitReached");
    assertThat(refusal.message())
        .contains("policy 3 under PaasRider billing")
        .contains("license.maxApplicationsDeveloped allows 2")
        .contains("(a, b)");
    assertThat(TWO_BILLING.refused(all)).containsExactly(c);
    assertThat(TWO_BILLING.counted(all)).isEqualTo(3);
  }

  @Test
  void equalCreationTimesAreOrderedByNameSoTheOrderNeverFlips() {
    RiderPolicy x = policy("x", 0, null);
    RiderPolicy y = policy("y", 0, null);
    RiderPolicy z = policy("z", 0, null);
    assertThat(TWO_BILLING.refused(List.of(z, y, x))).containsExactly(z);
    assertThat(TWO_BILLING.refused(List.of(x, z, y))).containsExactly(z);
  }

  @Test
  void aTypeTheLicenseDoesNotAllowIsRefusedAndDoesNotCount() {
    RiderPolicy mobile = policy("mobile", 0, "Mobile");
    RiderPolicy a = policy("a", 1, null);
    RiderPolicy b = policy("b", 2, "BillingPayroll");
    List<RiderPolicy> all = List.of(mobile, a, b);

    var refusal = TWO_BILLING.check(mobile, all, "PaasRider billing").orElseThrow();
    assertThat(refusal.reason()).isEqualTo("ApplicationTypeNotLicensed");
    assertThat(refusal.message())
        .contains("applicationType Mobile")
        .contains(
            "applicationDevelopment.applicationTypes allows [BillingPayroll, SaasApplication]");
    // The oldest policy is refused for its type, so both others fit within two.
    assertThat(TWO_BILLING.check(b, all, "PaasRider billing")).isEmpty();
    assertThat(TWO_BILLING.refused(all)).containsExactly(mobile);
    assertThat(TWO_BILLING.counted(all)).isEqualTo(2);
  }

  @Test
  void anUnlimitedLicenseRefusesNothing() {
    List<RiderPolicy> all = List.of(policy("a", 0, "Anything"), policy("b", 1, null));
    assertThat(ApplicationLicense.UNLIMITED.refused(all)).isEmpty();
    assertThat(ApplicationLicense.UNLIMITED.check(all.get(0), all, "IaasRider vms")).isEmpty();
  }

  @Test
  void noTypesListedAllowsAnyTypeButTheCountStillHolds() {
    ApplicationLicense one =
        new ApplicationLicense(OptionalInt.of(1), "license.maxApplications", Set.of(), null);
    RiderPolicy a = policy("a", 0, "Whatever");
    RiderPolicy b = policy("b", 1, "Other");
    assertThat(one.check(a, List.of(a, b), "SaasRider crm")).isEmpty();
    assertThat(one.check(b, List.of(a, b), "SaasRider crm")).isPresent();
  }
}
