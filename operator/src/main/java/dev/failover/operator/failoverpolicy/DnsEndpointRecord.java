package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.common.ValuePatterns;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.Traffic;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The external-dns DNSEndpoint that points a policy's DNS name at one data center, and how to tell
 * from a stored one where it points. Pure.
 *
 * <p>One endpoint: the name, an A record when the data center's ingress address is an IPv4 address
 * and a CNAME otherwise, that address as its only target. Annotations name the data center and the
 * address it had, so the record can be read back without the DataCenter objects.
 */
public final class DnsEndpointRecord {
  public static final String API_VERSION = "externaldns.k8s.io/v1alpha1";
  public static final String KIND = "DNSEndpoint";
  public static final String DATA_CENTER_ANNOTATION = "failover.dev/data-center";
  public static final String ADDRESS_ANNOTATION = "failover.dev/data-center-address";

  /** Short, so resolvers follow a failover within the RTO instead of caching the old address. */
  static final long TTL_SECONDS = 30;

  /** The CRD lets an ingressAddress be IPv4 or a hostname whose last label starts with a letter. */
  private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

  private DnsEndpointRecord() {}

  /** spec.traffic.dnsName, or {@code <policy>.<namespace>.failover.internal} when absent. */
  public static String dnsName(FailoverPolicy policy) {
    Traffic traffic = policy.getSpec().getTraffic();
    if (traffic != null && traffic.getDnsName() != null) {
      return traffic.getDnsName();
    }
    String name =
        policy.getMetadata().getName()
            + "."
            + policy.getMetadata().getNamespace()
            + "."
            + Traffic.DEFAULT_DNS_DOMAIN;
    if (name.length() > ValuePatterns.DNS_NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "FailoverPolicy "
              + policy.getMetadata().getNamespace()
              + "/"
              + policy.getMetadata().getName()
              + ": the default DNS name "
              + name
              + " is longer than "
              + ValuePatterns.DNS_NAME_MAX_LENGTH
              + " characters; set spec.traffic.dnsName");
    }
    return name;
  }

  /** The record pointing the policy's name at the data center, owned by the policy. */
  public static GenericKubernetesResource pointingAt(FailoverPolicy policy, DataCenter dataCenter) {
    String address = dataCenter.getSpec().getIngressAddress();
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withNewMetadata()
        .withName(policy.getMetadata().getName())
        .withNamespace(policy.getMetadata().getNamespace())
        .withLabels(PolicyLabels.of(policy))
        .withAnnotations(
            Map.of(
                DATA_CENTER_ANNOTATION,
                dataCenter.getMetadata().getName(),
                ADDRESS_ANNOTATION,
                address))
        // No blockOwnerDeletion: setting it needs update rights on failoverpolicies/finalizers.
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(policy.getApiVersion())
                .withKind(policy.getKind())
                .withName(policy.getMetadata().getName())
                .withUid(policy.getMetadata().getUid())
                .withController(true)
                .build())
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("endpoints", List.of(endpoint(policy, address))))
        .build();
  }

  /**
   * The data center a stored record points the policy's name at. Empty unless its one endpoint has
   * the policy's DNS name and the annotated data center's address as its only target, so a record
   * someone edited, or one for a DNS name the policy no longer has, never counts as pointing
   * anywhere.
   */
  public static Optional<String> dataCenterOf(
      GenericKubernetesResource stored, FailoverPolicy policy) {
    Map<String, String> annotations = stored.getMetadata().getAnnotations();
    if (annotations == null) {
      return Optional.empty();
    }
    String dataCenter = annotations.get(DATA_CENTER_ANNOTATION);
    String address = annotations.get(ADDRESS_ANNOTATION);
    if (dataCenter == null || address == null) {
      return Optional.empty();
    }
    boolean pointsThere =
        onlyEndpoint(stored)
            .filter(e -> dnsName(policy).equals(e.get("dnsName")))
            .filter(e -> recordType(address).equals(e.get("recordType")))
            .filter(e -> List.of(address).equals(e.get("targets")))
            .isPresent();
    return pointsThere ? Optional.of(dataCenter) : Optional.empty();
  }

  static String recordType(String address) {
    return IPV4.matcher(address).matches() ? "A" : "CNAME";
  }

  private static Optional<Map<?, ?>> onlyEndpoint(GenericKubernetesResource stored) {
    if (stored.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
        && spec.get("endpoints") instanceof List<?> endpoints
        && endpoints.size() == 1
        && endpoints.get(0) instanceof Map<?, ?> endpoint) {
      return Optional.of(endpoint);
    }
    return Optional.empty();
  }

  private static Map<String, Object> endpoint(FailoverPolicy policy, String address) {
    return Map.of(
        "dnsName", dnsName(policy),
        "recordType", recordType(address),
        "targets", List.of(address),
        "recordTTL", TTL_SECONDS);
  }
}
