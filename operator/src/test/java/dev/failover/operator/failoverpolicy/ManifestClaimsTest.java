package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import java.util.List;
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
    assertThat(claims.conflict(later, List.of(first, later))).isPresent();

    FailoverPolicy firstWithoutConfig =
        identified(policy("shop", "crm", "2026-11-23T10:00:00Z", WEB), "uid-first", 2);
    assertThat(claims.conflict(later, List.of(firstWithoutConfig, later)))
        .as("a new generation's claims are worked out again")
        .isEmpty();

    claims.retainPolicies(java.util.Set.of("uid-later"));
    assertThat(claims.conflict(later, List.of(first, later)))
        .as("a forgotten policy's claims are worked out again")
        .isPresent();
  }

  private static FailoverPolicy identified(FailoverPolicy policy, String uid, long generation) {
    policy.getMetadata().setUid(uid);
    policy.getMetadata().setGeneration(generation);
    return policy;
  }

  @Test
  void aLaterPolicyDeclaringTheSameObjectIsBlockedAndToldWhoHasIt() {
    FailoverPolicy later = policy("shop", "copy", "2026-11-23T11:00:00Z", WEB);

    assertThat(new ManifestClaims().conflict(later, List.of(FIRST, later)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("Deployment shop/web")
                    .contains("policy shop/crm")
                    .contains("applies nothing"));
    assertThat(new ManifestClaims().conflict(FIRST, List.of(FIRST, later))).isEmpty();
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

    assertThat(new ManifestClaims().conflict(otherKind, List.of(FIRST, otherKind))).isEmpty();
    assertThat(new ManifestClaims().conflict(otherNamespace, List.of(FIRST, otherNamespace)))
        .isEmpty();
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

    assertThat(new ManifestClaims().conflict(reaching, List.of(FIRST, reaching)))
        .hasValueSatisfying(why -> assertThat(why).contains("policy shop/crm"));
  }

  @Test
  void createdInTheSameSecondTheNameDecides() {
    FailoverPolicy twin = policy("shop", "zeta", "2026-11-23T10:00:00Z", WEB);

    assertThat(new ManifestClaims().conflict(twin, List.of(FIRST, twin))).isPresent();
    assertThat(new ManifestClaims().conflict(FIRST, List.of(FIRST, twin))).isEmpty();
  }

  @Test
  void aPolicyAloneHasNoConflict() {
    assertThat(new ManifestClaims().conflict(FIRST, List.of(FIRST))).isEmpty();
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

    assertThat(new ManifestClaims().conflict(squatter, List.of(first, squatter)))
        .hasValueSatisfying(
            why -> assertThat(why).contains("DNS name crm.example.com").contains("shop/crm"));
    assertThat(new ManifestClaims().conflict(first, List.of(first, squatter))).isEmpty();
  }
}
