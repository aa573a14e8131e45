package dev.failover.operator.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import dev.failover.core.dr.egress.EgressDestination;
import dev.failover.core.dr.egress.EgressRules;
import dev.failover.core.dr.egress.HostnameAnswer;
import dev.failover.core.dr.egress.ResolvedHostnames;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The postures as the objects a data center receives, compared field by field. */
class PostureRenderingTest {
  private static final List<EgressDestination> ALLOWLIST =
      List.of(
          EgressDestination.parse("198.51.100.0/24"),
          EgressDestination.parse("api.payments.example"),
          EgressDestination.parse("*.updates.example"));
  private static final ResolvedHostnames RESOLVED =
      ResolvedHostnames.none()
          .with(
              "api.payments.example",
              new HostnameAnswer.Addresses(List.of("192.0.2.7/32"), Duration.ofSeconds(60)),
              Instant.EPOCH,
              Duration.ofHours(1));
  private static final List<PodSelection> WEB =
      List.of(
          new PodSelection(
              "Deployment", "crm-web", Map.of("matchLabels", Map.of("app", "crm-web"))));

  private static final String METADATA =
      """
      metadata:
        name: dr-egress-deployment-crm-web
        namespace: shop
        labels:
          failover.dev/policy-namespace: shop
          failover.dev/policy-name: crm
          app.kubernetes.io/managed-by: failover-operator
          failover.dev/dr-egress: %s
      """;

  private static final String NETWORK_POLICY_RULES =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      %s
      spec:
        podSelector: {matchLabels: {app: crm-web}}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
          - to: [{podSelector: {}}]
      %s""";

  private static final String CILIUM_RULES =
      """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      %s
      spec:
        endpointSelector: {matchLabels: {app: crm-web}}
        egress:
          - toEndpoints:
              - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}
            toPorts:
              - ports: [{port: "53", protocol: ANY}]
                rules: {dns: [{matchPattern: "*"}]}
          - toEndpoints: [{}]
      %s""";

  private static Map<?, ?> yaml(String text) {
    return EgressPolicies.SERIALIZATION.unmarshal(text, Map.class);
  }

  private static Map<?, ?> asMap(GenericKubernetesResource object) {
    return EgressPolicies.SERIALIZATION.convertValue(object, Map.class);
  }

  private static String metadata(EgressMode mode) {
    return METADATA.formatted(mode).stripTrailing();
  }

  private static List<GenericKubernetesResource> networkPolicies(EgressMode mode) {
    return NetworkPolicyRendering.render(
        EgressPolicies.crm(), WEB, EgressRules.of(mode, ALLOWLIST, RESOLVED, false));
  }

  private static List<GenericKubernetesResource> cilium(EgressMode mode) {
    return CiliumPolicyRendering.render(
        EgressPolicies.crm(), WEB, EgressRules.of(mode, ALLOWLIST, RESOLVED, true));
  }

  @Test
  void failOpenRendersNothingEitherWay() {
    assertThat(networkPolicies(EgressMode.FailOpen)).isEmpty();
    assertThat(cilium(EgressMode.FailOpen)).isEmpty();
  }

  @Test
  void failClosedIsClusterDnsAndTheOwnNamespaceOnly() {
    List<GenericKubernetesResource> rendered = networkPolicies(EgressMode.FailClosed);

    assertThat(rendered).hasSize(1);
    assertThat(asMap(rendered.get(0)))
        .isEqualTo(yaml(NETWORK_POLICY_RULES.formatted(metadata(EgressMode.FailClosed), "")));
  }

  @Test
  void controlledFailOpenAddsOneIpBlockPerAllowedBlock() {
    List<GenericKubernetesResource> rendered = networkPolicies(EgressMode.ControlledFailOpen);

    assertThat(asMap(rendered.get(0)))
        .isEqualTo(
            yaml(
                NETWORK_POLICY_RULES.formatted(
                    metadata(EgressMode.ControlledFailOpen),
                    """
                        - to:
                            - ipBlock: {cidr: 192.0.2.7/32}
                            - ipBlock: {cidr: 198.51.100.0/24}
                    """)));
  }

  @Test
  void ciliumFailClosedIsClusterDnsWithTheDnsRuleAndTheOwnNamespace() {
    assertThat(asMap(cilium(EgressMode.FailClosed).get(0)))
        .isEqualTo(yaml(CILIUM_RULES.formatted(metadata(EgressMode.FailClosed), "")));
  }

  @Test
  void ciliumControlledFailOpenAllowsBlocksByCidrAndNamesByFqdn() {
    assertThat(asMap(cilium(EgressMode.ControlledFailOpen).get(0)))
        .isEqualTo(
            yaml(
                CILIUM_RULES.formatted(
                    metadata(EgressMode.ControlledFailOpen),
                    """
                        - toCIDR: [198.51.100.0/24]
                        - toFQDNs:
                            - matchName: api.payments.example
                            - matchPattern: "*.updates.example"
                    """)));
  }

  @Test
  void oneObjectPerSelectedWorkloadObjectEachWithItsOwnSelector() {
    List<PodSelection> selections = WorkloadPodSelections.of(EgressPolicies.crm());
    EgressRules rules = EgressRules.of(EgressMode.FailClosed, List.of(), RESOLVED, false);

    List<GenericKubernetesResource> rendered =
        NetworkPolicyRendering.render(EgressPolicies.crm(), selections, rules);

    assertThat(rendered)
        .extracting(object -> object.getMetadata().getName())
        .containsExactly(
            "dr-egress-deployment-crm-web",
            "dr-egress-statefulset-crm-db",
            "dr-egress-cronjob-crm-report");
    for (int i = 0; i < selections.size(); i++) {
      Map<?, ?> spec = (Map<?, ?>) rendered.get(i).getAdditionalProperties().get("spec");
      assertThat(spec.get("podSelector")).isEqualTo(selections.get(i).selector());
    }
  }

  @Test
  void aLongNameIsShortenedAndStaysDistinct() {
    String longName = "a".repeat(250);
    String name = EgressLabels.name(new PodSelection("Deployment", longName, Map.of()));
    String other = EgressLabels.name(new PodSelection("Deployment", longName + "b", Map.of()));

    assertThat(name).hasSize(253).startsWith("dr-egress-deployment-aaa");
    assertThat(other).hasSize(253).isNotEqualTo(name);
  }
}
