package dev.failover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.failover.e2e.RepositoryFiles;
import dev.failover.e2e.ServerSideApply;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart's application-limit admission policies on a real API server: a new FailoverPolicy is
 * refused when its rider's status.licenseUsage shows maxApplications (SaaS) or
 * maxApplicationsDeveloped (PaaS) reached, and nothing else is: not an update of a stored policy,
 * not a policy under another rider, nor one under a rider with no status yet. No operator runs
 * here: the riders' status is written by the test through the status subresource, as the operator
 * writes it.
 */
@ExtendWith(SharedTestbedExtension.class)
class RiderApplicationLimitsIT {
  private static final String NAMESPACE = "rider-limits";
  private static final Duration ENFORCEMENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private static final String SAAS_RIDER =
      """
      apiVersion: failover.dev/v1alpha1
      kind: SaasRider
      metadata: {name: %s, namespace: rider-limits}
      spec:
        license:
          maxApplications: %d
          maxConcurrentUsersPerApplication: 10
          maxRequestsPerUser: 100
          allowedApplicationTypes: [CRM]
      """;

  private static final String PAAS_RIDER =
      """
      apiVersion: failover.dev/v1alpha1
      kind: PaasRider
      metadata: {name: %s, namespace: rider-limits}
      spec:
        license:
          maxApplicationsDeveloped: %d
          maxConcurrentDevelopers: 5
          maxConcurrentSaasUsers: 100
        applicationDevelopment:
          applicationTypes: [BillingPayroll]
      """;

  private static final String POLICY =
      """
      apiVersion: failover.dev/v1alpha1
      kind: FailoverPolicy
      metadata: {name: %s, namespace: rider-limits}
      spec:
        riderRef: {kind: %s, name: %s}
        workload:
          applicationType: %s
          manifests:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: records}}
        placement: {primary: toronto, secondaries: [chicago]}
      """;

  private static ChartAdmissionPolicies admissionPolicies;
  private static GenericKubernetesResource storedUnderFullRider;

  @BeforeAll
  static void ridersWithTheirCountsAndThePolicies(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    ServerSideApply.namespace(hub, NAMESPACE);
    // Stored before the admission policies, as a running policy under a full rider is.
    storedUnderFullRider = hub.resource(policy("crm-1", "SaasRider", "crm", "CRM")).create();
    rider(hub, SAAS_RIDER, "crm", 2, 2L, "maxApplications");
    rider(hub, SAAS_RIDER, "support", 2, 1L, "maxApplications");
    // The license was raised to 3; the operator's status still shows the old 2 of 2.
    rider(hub, SAAS_RIDER, "raised", 3, 2L, "maxApplications");
    rider(hub, SAAS_RIDER, "fresh", 1, null, "maxApplications");
    rider(hub, PAAS_RIDER, "billing", 1, 1L, "maxApplicationsDeveloped");
    // A PaasRider with the name of the full SaasRider, below its own limit.
    rider(hub, PAAS_RIDER, "crm", 3, 1L, "maxApplicationsDeveloped");
    admissionPolicies = ChartAdmissionPolicies.installIn(testbed, hub);
    awaitRefused(hub, policy("enforced-probe", "SaasRider", "crm", "CRM"));
    awaitRefused(hub, policy("enforced-probe", "PaasRider", "billing", "BillingPayroll"));
  }

  /** The admission policies go, then the namespace with the riders and the stored policy. */
  @AfterAll
  static void removeWhatTheClassMade(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    try {
      if (admissionPolicies != null) {
        admissionPolicies.close();
      }
    } finally {
      hub.namespaces().withName(NAMESPACE).delete();
      hub.namespaces()
          .withName(NAMESPACE)
          .waitUntilCondition(Objects::isNull, 120, TimeUnit.SECONDS);
      HubApi.removeExamples(testbed);
    }
  }

  @Test
  void aNewPolicyUnderASaasRiderAtItsLimitIsRefusedWithTheRiderTheLimitAndTheNumbers(
      Testbed testbed) {
    KubernetesClientException refused =
        refusal(HubApi.installed(testbed), policy("crm-3", "SaasRider", "crm", "CRM"));
    assertThat(refused.getCode()).isEqualTo(403);
    assertThat(refused.getMessage())
        .contains(
            "spec.riderRef: SaasRider crm has reached its license.maxApplications: 2 of 2"
                + " policies run under it (its status.licenseUsage); delete one of them or raise"
                + " license.maxApplications before adding another")
        .contains("application-limit");
  }

  @Test
  void aNewPolicyUnderAPaasRiderAtItsLimitIsRefused(Testbed testbed) {
    KubernetesClientException refused =
        refusal(
            HubApi.installed(testbed),
            policy("billing-2", "PaasRider", "billing", "BillingPayroll"));
    assertThat(refused.getCode()).isEqualTo(403);
    assertThat(refused.getMessage())
        .contains(
            "spec.riderRef: PaasRider billing has reached its"
                + " license.maxApplicationsDeveloped: 1 of 1 policies run under it");
  }

  @Test
  void aNewPolicyUnderARiderBelowItsLimitIsAdmitted(Testbed testbed) {
    assertAdmitted(HubApi.installed(testbed), policy("support-2", "SaasRider", "support", "CRM"));
  }

  @Test
  void aRaisedLimitAdmitsBeforeTheOperatorHasCountedAgain(Testbed testbed) {
    assertAdmitted(HubApi.installed(testbed), policy("raised-3", "SaasRider", "raised", "CRM"));
  }

  @Test
  void aRiderWithNoStatusYetAdmits(Testbed testbed) {
    assertAdmitted(HubApi.installed(testbed), policy("fresh-1", "SaasRider", "fresh", "CRM"));
  }

  @Test
  void anotherRidersPolicyIsUnaffected(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    // Same name as the full SaasRider, another kind: its own count decides.
    assertAdmitted(hub, policy("paas-crm-2", "PaasRider", "crm", "BillingPayroll"));
    // No rider of that name in the namespace: the operator blocks it with RiderNotFound.
    assertAdmitted(hub, policy("ghost-1", "SaasRider", "ghost", "CRM"));
  }

  @Test
  void aPolicyOfAnUnlicensedTypeTakesNoPlaceAndIsLeftToTheOperator(Testbed testbed) {
    // The operator does not count it and refuses it for its type (ApplicationTypeNotLicensed).
    assertAdmitted(
        HubApi.installed(testbed), policy("crm-accounting", "SaasRider", "crm", "Accounting"));
  }

  @Test
  void anUpdateOfAStoredPolicyUnderAFullRiderIsAdmitted(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    GenericKubernetesResource updated =
        hub.resource(storedUnderFullRider)
            .edit(
                p -> {
                  spec(p).put("standby", "Warm");
                  p.getMetadata().setLabels(Map.of("team", "sales"));
                  return p;
                });
    assertThat(spec(updated)).containsEntry("standby", "Warm");
    assertThat(updated.getMetadata().getLabels()).containsEntry("team", "sales");
  }

  private static void rider(
      KubernetesClient hub, String template, String name, int limit, Long used, String field) {
    GenericKubernetesResource rider =
        hub.resource(RepositoryFiles.documents(template.formatted(name, limit)).get(0)).create();
    if (used == null) {
      return;
    }
    rider
        .getAdditionalProperties()
        .put(
            "status",
            Map.of(
                "licenseUsage",
                List.of(Map.of("limit", field, "used", used, "allowed", (long) limit))));
    GenericKubernetesResource written = hub.resource(rider).updateStatus();
    assertThat(written.getAdditionalProperties().get("status").toString()).contains("used=" + used);
  }

  private static GenericKubernetesResource policy(
      String name, String riderKind, String rider, String applicationType) {
    return RepositoryFiles.documents(POLICY.formatted(name, riderKind, rider, applicationType))
        .get(0);
  }

  /** Bounded: the API server enforces a new policy once its informers, params included, see it. */
  private static void awaitRefused(KubernetesClient hub, GenericKubernetesResource policy) {
    long deadline = System.nanoTime() + ENFORCEMENT_TIMEOUT.toNanos();
    while (true) {
      try {
        hub.resource(policy).dryRun().create();
      } catch (KubernetesClientException e) {
        assertThat(e.getMessage()).contains("application-limit");
        return;
      }
      assertThat(System.nanoTime())
          .as("the application limit enforced within %s", ENFORCEMENT_TIMEOUT)
          .isLessThan(deadline);
      Sleep.of(POLL);
    }
  }

  private static KubernetesClientException refusal(
      KubernetesClient hub, GenericKubernetesResource policy) {
    KubernetesClientException refused =
        catchThrowableOfType(
            KubernetesClientException.class, () -> hub.resource(policy).dryRun().create());
    assertThat(refused).as("%s must be refused", policy.getMetadata().getName()).isNotNull();
    return refused;
  }

  private static void assertAdmitted(KubernetesClient hub, GenericKubernetesResource policy) {
    assertThat(hub.resource(policy).dryRun().create().getMetadata().getName())
        .isEqualTo(policy.getMetadata().getName());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource policy) {
    return (Map<String, Object>) policy.getAdditionalProperties().get("spec");
  }
}
