package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import org.junit.jupiter.api.Test;

class ManifestClaimsTest {
  private static FailoverPolicy policy(
      String namespace, String name, String created, String manifests) {
    return Policies.policy(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: %s, namespace: %s, creationTimestamp: "%s"}
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          workload:
            manifests:
        %s
        """
            .formatted(name, namespace, created, manifests.indent(6)));
  }

  private static final String WEB =
      "- {apiVersion: apps/v1, kind: Deployment, metadata: {name: web}}";
  private static final String CONFIG = "- {apiVersion: v1, kind: ConfigMap, metadata: {name: web}}";

  private static final FailoverPolicy FIRST =
      policy("shop", "crm", "2026-11-23T10:00:00Z", WEB + "\n" + CONFIG);

  @Test
  void claimsAreRememberedPerGenerationAndForgottenWithThePolicy() {
    ManifestClaims claims = new ManifestClaims();
    FailoverPolicy first =
        identified(
            policy("shop", "crm", "2026-11-23T10:00:00Z", WEB + "\n" + CONFIG), "uid-first", 1);
    FailoverPolicy later =
        identified(policy("shop", "copy", "2026-11-23T11:00:00Z", CONFIG), "uid-later", 1);
    assertThat(conflict(claims, later, first, later)).isPresent();

    FailoverPolicy firstWithoutConfig =
        identified(policy("shop", "crm", "2026-11-23T10:00:00Z", WEB), "uid-first", 2);
    assertThat(conflict(claims, later, firstWithoutConfig, later))
        .as("a new generation's claims are worked out again")
        .isEmpty();

    claims.retainPolicies(java.util.Set.of("uid-later"));
    assertThat(conflict(claims, later, first, later))
        .as("a forgotten policy's claims are worked out again")
        .isPresent();
  }

  /** Conflicts among {@code all}, found through an index by claim as the policy cache's is. */
  private static java.util.Optional<String> conflict(
      ManifestClaims claims, FailoverPolicy policy, FailoverPolicy... all) {
    return claims.conflict(
        policy,
        key -> java.util.Arrays.stream(all).filter(p -> claims.keys(p).contains(key)).toList());
  }

  private static FailoverPolicy identified(FailoverPolicy policy, String uid, long generation) {
    policy.getMetadata().setUid(uid);
    policy.getMetadata().setGeneration(generation);
    return policy;
  }

  @Test
  void aLaterPolicyDeclaringTheSameObjectIsBlockedAndToldWhoHasIt() {
    FailoverPolicy later = policy("shop", "copy", "2026-11-23T11:00:00Z", WEB);

    assertThat(conflict(new ManifestClaims(), later, FIRST, later))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("Deployment shop/web")
                    .contains("policy shop/crm")
                    .contains("applies nothing"));
    assertThat(conflict(new ManifestClaims(), FIRST, FIRST, later)).isEmpty();
  }

  @Test
  void theSameNameOfAnotherKindOrInAnotherNamespaceIsNoConflict() {
    FailoverPolicy otherKind =
        policy(
            "shop",
            "svc",
            "2026-11-23T11:00:00Z",
            "- {apiVersion: v1, kind: Service, metadata: {name: web}}");
    FailoverPolicy otherNamespace = policy("billing", "crm", "2026-11-23T11:00:00Z", WEB);

    assertThat(conflict(new ManifestClaims(), otherKind, FIRST, otherKind)).isEmpty();
    assertThat(conflict(new ManifestClaims(), otherNamespace, FIRST, otherNamespace)).isEmpty();
  }

  @Test
  void aManifestNamingTheOtherNamespaceCollidesThere() {
    FailoverPolicy reaching =
        policy(
            "billing",
            "crm",
            "2026-11-23T11:00:00Z",
            "- {apiVersion: apps/v1beta2, kind: Deployment, metadata: {name: web, namespace:"
                + " shop}}");

    assertThat(conflict(new ManifestClaims(), reaching, FIRST, reaching))
        .hasValueSatisfying(why -> assertThat(why).contains("policy shop/crm"));
  }

  @Test
  void createdInTheSameSecondTheNameDecides() {
    FailoverPolicy twin = policy("shop", "zeta", "2026-11-23T10:00:00Z", WEB);

    assertThat(conflict(new ManifestClaims(), twin, FIRST, twin)).isPresent();
    assertThat(conflict(new ManifestClaims(), FIRST, FIRST, twin)).isEmpty();
  }

  @Test
  void aPolicyAloneHasNoConflict() {
    assertThat(conflict(new ManifestClaims(), FIRST, FIRST)).isEmpty();
    assertThat(ManifestClaims.claims(FIRST))
        .containsValues("Deployment shop/web", "ConfigMap shop/web");
  }

  @Test
  void aLaterPolicyClaimingTheSameDnsNameIsBlocked() {
    FailoverPolicy first =
        Policies.policy(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: crm, namespace: shop, creationTimestamp: "2026-11-23T10:00:00Z"}
            spec:
              traffic: {dnsName: crm.example.com}
              workload: {manifests: [{apiVersion: apps/v1, kind: Deployment, metadata: {name: a}}]}
            """);
    FailoverPolicy squatter =
        Policies.policy(
            """
            apiVersion: failover.dev/v1alpha1
            kind: FailoverPolicy
            metadata: {name: evil, namespace: other, creationTimestamp: "2026-11-23T11:00:00Z"}
            spec:
              traffic: {dnsName: CRM.example.com}
              workload: {manifests: [{apiVersion: apps/v1, kind: Deployment, metadata: {name: b}}]}
            """);

    assertThat(conflict(new ManifestClaims(), squatter, first, squatter))
        .hasValueSatisfying(
            why -> assertThat(why).contains("DNS name crm.example.com").contains("shop/crm"));
    assertThat(conflict(new ManifestClaims(), first, first, squatter)).isEmpty();
  }
}
