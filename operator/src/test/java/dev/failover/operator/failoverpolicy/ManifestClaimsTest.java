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
  void aLaterPolicyDeclaringTheSameObjectIsBlockedAndToldWhoHasIt() {
    FailoverPolicy later = policy("shop", "copy", "2026-11-23T11:00:00Z", WEB);

    assertThat(ManifestClaims.conflict(later, List.of(FIRST, later)))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("Deployment shop/web")
                    .contains("policy shop/crm")
                    .contains("applies nothing"));
    assertThat(ManifestClaims.conflict(FIRST, List.of(FIRST, later))).isEmpty();
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

    assertThat(ManifestClaims.conflict(otherKind, List.of(FIRST, otherKind))).isEmpty();
    assertThat(ManifestClaims.conflict(otherNamespace, List.of(FIRST, otherNamespace))).isEmpty();
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

    assertThat(ManifestClaims.conflict(reaching, List.of(FIRST, reaching)))
        .hasValueSatisfying(why -> assertThat(why).contains("policy shop/crm"));
  }

  @Test
  void createdInTheSameSecondTheNameDecides() {
    FailoverPolicy twin = policy("shop", "zeta", "2026-11-23T10:00:00Z", WEB);

    assertThat(ManifestClaims.conflict(twin, List.of(FIRST, twin))).isPresent();
    assertThat(ManifestClaims.conflict(FIRST, List.of(FIRST, twin))).isEmpty();
  }

  @Test
  void aPolicyAloneHasNoConflict() {
    assertThat(ManifestClaims.conflict(FIRST, List.of(FIRST))).isEmpty();
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

    assertThat(ManifestClaims.conflict(squatter, List.of(first, squatter)))
        .hasValueSatisfying(
            why -> assertThat(why).contains("DNS name crm.example.com").contains("shop/crm"));
    assertThat(ManifestClaims.conflict(first, List.of(first, squatter))).isEmpty();
  }
}
