package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.operator.config.TenancyConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadGateTest {
  private static final String WEB =
      """
      - apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}}
      """;

  private static FailoverPolicy policy(String name, String traffic, String manifests) {
    return Policies.policy(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: %s, namespace: shop}
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          %s
          workload:
            manifests:
        %s
        """
            .formatted(name, traffic, manifests.indent(6)));
  }

  private final WorkloadGate openGate = new WorkloadGate(TenancyConfig.defaults());

  @Test
  void aPlainWorkloadPasses() {
    assertThat(openGate.check(policy("crm", "", WEB))).isEmpty();
  }

  @Test
  void aConfigMapInKubeSystemIsATenancyViolation() {
    String configMap =
        "- {apiVersion: v1, kind: ConfigMap, metadata: {name: x, namespace: kube-system}}";

    assertThat(openGate.check(policy("crm", "", WEB + configMap)))
        .hasValueSatisfying(
            blocked -> {
              assertThat(blocked.reason()).isEqualTo("TenancyViolation");
              assertThat(blocked.message()).contains("kube-system");
            });
  }

  @Test
  void aClusterRoleBindingIsRefusedUnlessThePlatformTeamAllowsIt() {
    String binding =
        "- {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name:"
            + " me-admin}}";
    FailoverPolicy policy = policy("crm", "", WEB + binding);

    assertThat(openGate.check(policy))
        .map(WorkloadGate.Blocked::reason)
        .hasValue("TenancyViolation");
    WorkloadGate allowing =
        new WorkloadGate(
            TenancyConfig.fromEnvironment(
                Map.of(
                    "FAILOVER_ALLOWED_CLUSTER_SCOPED_KINDS",
                    "Namespace, rbac.authorization.k8s.io/ClusterRoleBinding")));
    assertThat(allowing.check(policy)).isEmpty();
  }

  @Test
  void anInvalidWorkloadIsBlockedBeforeTenancyIsJudged() {
    String nameless = "- {apiVersion: v1, kind: ConfigMap, metadata: {namespace: kube-system}}";

    assertThat(openGate.check(policy("crm", "", WEB + nameless)))
        .map(WorkloadGate.Blocked::reason)
        .hasValue("InvalidWorkload");
  }

  @Test
  void aManifestWithoutMetadataIsAConditionNotAnException() {
    assertThat(openGate.check(policy("crm", "", WEB + "- {apiVersion: v1, kind: ConfigMap}")))
        .map(WorkloadGate.Blocked::message)
        .hasValueSatisfying(message -> assertThat(message).contains("has no metadata.name"));
  }

  @Test
  void aDnsNameOutsideTheAllowedDomainsIsRefused() {
    WorkloadGate gate =
        new WorkloadGate(
            TenancyConfig.fromEnvironment(
                Map.of("FAILOVER_ALLOWED_DNS_DOMAINS", "shop.example.com, .apps.example.com.")));

    assertThat(gate.check(policy("crm", "traffic: {dnsName: crm.shop.example.com}", WEB)))
        .isEmpty();
    assertThat(gate.check(policy("crm", "traffic: {dnsName: crm.apps.example.com}", WEB)))
        .isEmpty();
    assertThat(gate.check(policy("crm", "traffic: {dnsName: www.bank.example}", WEB)))
        .hasValueSatisfying(
            blocked -> {
              assertThat(blocked.reason()).isEqualTo("DnsNameNotAllowed");
              assertThat(blocked.message())
                  .contains("www.bank.example")
                  .contains("shop.example.com, apps.example.com");
            });
    // A suffix match must end at a label boundary.
    assertThat(gate.check(policy("crm", "traffic: {dnsName: evilshop.example.com}", WEB)))
        .isPresent();
  }

  @Test
  void aLongPolicyNameWithoutDnsNameIsAConditionNotAnException() {
    String longName = "a".repeat(240);

    assertThat(openGate.check(policy(longName, "", WEB)))
        .hasValueSatisfying(
            blocked -> {
              assertThat(blocked.reason()).isEqualTo("DnsNameNotAllowed");
              assertThat(blocked.message()).contains("set spec.traffic.dnsName");
            });
  }
}
