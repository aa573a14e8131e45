package dev.failover.core.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressRulesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<EgressDestination> ALLOWLIST =
      List.of(
          EgressDestination.parse("198.51.100.0/24"),
          EgressDestination.parse("api.payments.example"),
          EgressDestination.parse("*.updates.example"),
          EgressDestination.parse("2001:db8::1"));
  private static final ResolvedHostnames RESOLVED =
      ResolvedHostnames.none()
          .with(
              "api.payments.example",
              new HostnameAnswer.Addresses(List.of("192.0.2.7/32"), Duration.ofSeconds(60)),
              T0,
              Duration.ofHours(1));

  @Test
  void failOpenRestrictsNothingWhateverTheDataCenter() {
    for (boolean byName : new boolean[] {false, true}) {
      EgressRules rules = EgressRules.of(EgressMode.FailOpen, ALLOWLIST, RESOLVED, byName);
      assertThat(rules.restricts()).isFalse();
      assertThat(rules.allowsClusterDnsAndOwnNamespace()).isFalse();
      assertThat(rules.blocks()).isEmpty();
      assertThat(rules.names()).isEmpty();
      assertThat(rules.unmatched()).isEmpty();
    }
  }

  @Test
  void failClosedAllowsNoDestinationOnlyClusterDnsAndTheOwnNamespace() {
    for (boolean byName : new boolean[] {false, true}) {
      EgressRules rules = EgressRules.of(EgressMode.FailClosed, ALLOWLIST, RESOLVED, byName);
      assertThat(rules.restricts()).isTrue();
      assertThat(rules.allowsClusterDnsAndOwnNamespace()).isTrue();
      assertThat(rules.blocks()).isEmpty();
      assertThat(rules.names()).isEmpty();
      assertThat(rules.patterns()).isEmpty();
      assertThat(rules.unmatched()).isEmpty();
    }
  }

  @Test
  void controlledFailOpenWithNetworkPoliciesAllowsBlocksAndResolvedAddresses() {
    EgressRules rules = EgressRules.of(EgressMode.ControlledFailOpen, ALLOWLIST, RESOLVED, false);

    assertThat(rules.restricts()).isTrue();
    assertThat(rules.blocks())
        .containsExactly("192.0.2.7/32", "198.51.100.0/24", "2001:db8::1/128");
    assertThat(rules.names()).isEmpty();
    assertThat(rules.patterns()).isEmpty();
    assertThat(rules.unmatched())
        .containsExactly(
            "*.updates.example: a wildcard has no addresses; only a data center serving"
                + " CiliumNetworkPolicy (toFQDNs) can allow it");
  }

  @Test
  void anUnresolvedHostnameAllowsNothingAndSaysSo() {
    EgressRules rules =
        EgressRules.of(
            EgressMode.ControlledFailOpen,
            List.of(EgressDestination.parse("new.example")),
            ResolvedHostnames.none(),
            false);

    assertThat(rules.blocks()).isEmpty();
    assertThat(rules.unmatched()).containsExactly("new.example: not resolved to an address yet");
  }

  @Test
  void controlledFailOpenWithCiliumAllowsHostnamesAndWildcardsByName() {
    EgressRules rules =
        EgressRules.of(EgressMode.ControlledFailOpen, ALLOWLIST, ResolvedHostnames.none(), true);

    assertThat(rules.blocks()).containsExactly("198.51.100.0/24", "2001:db8::1/128");
    assertThat(rules.names()).containsExactly("api.payments.example");
    assertThat(rules.patterns()).containsExactly("*.updates.example");
    assertThat(rules.unmatched()).isEmpty();
  }

  @Test
  void anEmptyAllowlistIsFailClosedInEffect() {
    EgressRules rules =
        EgressRules.of(EgressMode.ControlledFailOpen, List.of(), ResolvedHostnames.none(), false);

    assertThat(rules.restricts()).isTrue();
    assertThat(rules.blocks()).isEmpty();
    assertThat(rules.unmatched()).isEmpty();
  }
}
