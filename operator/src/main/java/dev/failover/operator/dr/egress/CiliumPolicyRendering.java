package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.dr.egress.EgressRules;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A posture as cilium.io/v2 CiliumNetworkPolicies, for a data center that serves them: hostnames
 * are matched by name ({@code toFQDNs}), so they need no resolving by the operator. Pure.
 *
 * <p>Once a pod has an egress rule, Cilium denies the rest of its egress. The rules: DNS to
 * kube-dns on port 53, with the DNS rule that sends the answers through Cilium's DNS proxy (toFQDNs
 * learns the addresses from them); every endpoint of the policy's namespace (an empty selector in a
 * namespaced policy); and for ControlledFailOpen, {@code toCIDR} for the blocks and {@code toFQDNs}
 * for the names ({@code matchName}) and wildcards ({@code matchPattern}; Cilium's {@code *} matches
 * within one label).
 */
final class CiliumPolicyRendering {
  static final String API_VERSION = "cilium.io/v2";
  static final String KIND = "CiliumNetworkPolicy";

  private CiliumPolicyRendering() {}

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
            "toEndpoints",
            List.of(
                Map.of(
                    "matchLabels",
                    Map.of(
                        "k8s:io.kubernetes.pod.namespace", "kube-system",
                        "k8s:k8s-app", "kube-dns"))),
            "toPorts",
            List.of(
                Map.of(
                    "ports",
                    List.of(Map.of("port", "53", "protocol", "ANY")),
                    "rules",
                    Map.of("dns", List.of(Map.of("matchPattern", "*")))))));
    egress.add(Map.of("toEndpoints", List.of(Map.of())));
    if (!rules.blocks().isEmpty()) {
      egress.add(Map.of("toCIDR", List.copyOf(rules.blocks())));
    }
    if (!rules.names().isEmpty() || !rules.patterns().isEmpty()) {
      egress.add(
          Map.of(
              "toFQDNs",
              Stream.concat(
                      rules.names().stream().map(name -> Map.of("matchName", name)),
                      rules.patterns().stream().map(pattern -> Map.of("matchPattern", pattern)))
                  .toList()));
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("endpointSelector", selection.selector());
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
