package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.dr.egress.EgressRules;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posture as networking.k8s.io/v1 NetworkPolicies, one per selected workload object. Pure.
 *
 * <p>Egress only ({@code policyTypes: [Egress]}): ingress stays as the customer set it. The rules
 * are DNS to kube-dns in kube-system (53/UDP, 53/TCP), every pod of the policy's namespace, and
 * then, for ControlledFailOpen, one ipBlock per allowed block. FailClosed is the first two alone.
 */
final class NetworkPolicyRendering {
  static final String API_VERSION = "networking.k8s.io/v1";
  static final String KIND = "NetworkPolicy";
  static final int DNS_PORT = 53;

  private NetworkPolicyRendering() {}

  static List<GenericKubernetesResource> render(
      FailoverPolicy policy, List<PodSelection> selections, EgressRules rules) {
    if (!rules.restricts()) {
      return List.of();
    }
    return selections.stream().map(selection -> render(policy, selection, rules)).toList();
  }

  private static GenericKubernetesResource render(
      FailoverPolicy policy, PodSelection selection, EgressRules rules) {
    List<Object> egress = new ArrayList<>();
    egress.add(
        Map.of(
            "to",
            List.of(
                Map.of(
                    "namespaceSelector",
                    Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "kube-system")),
                    "podSelector",
                    Map.of("matchLabels", Map.of("k8s-app", "kube-dns")))),
            "ports",
            List.of(
                Map.of("protocol", "UDP", "port", DNS_PORT),
                Map.of("protocol", "TCP", "port", DNS_PORT))));
    egress.add(Map.of("to", List.of(Map.of("podSelector", Map.of()))));
    if (!rules.blocks().isEmpty()) {
      egress.add(
          Map.of(
              "to",
              rules.blocks().stream()
                  .map(cidr -> Map.of("ipBlock", Map.of("cidr", cidr)))
                  .toList()));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("podSelector", selection.selector());
    spec.put("policyTypes", List.of("Egress"));
    spec.put("egress", egress);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withNewMetadata()
        .withName(EgressLabels.name(selection))
        .withNamespace(policy.getMetadata().getNamespace())
        .withLabels(EgressLabels.of(policy, rules.mode()))
        .endMetadata()
        .withAdditionalProperties(Map.of("spec", spec))
        .build();
  }
}
