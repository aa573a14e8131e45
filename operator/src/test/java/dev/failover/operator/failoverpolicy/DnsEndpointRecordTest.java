package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.Traffic;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsEndpointRecordTest {

  @Test
  void theDnsNameDefaultsToPolicyAndNamespaceUnderFailoverInternal() {
    assertThat(DnsEndpointRecord.dnsName(Policies.crm())).isEqualTo("crm.shop.failover.internal");
  }

  @Test
  void theSpecsDnsNameWins() {
    assertThat(DnsEndpointRecord.dnsName(withDnsName("crm.shop.example")))
        .isEqualTo("crm.shop.example");
  }

  @Test
  void aDefaultNameLongerThan253CharactersAsksForSpecTrafficDnsName() {
    FailoverPolicy policy = Policies.crm();
    policy.getMetadata().setNamespace("n".repeat(63));
    policy.getMetadata().setName(longName(43));
    assertThat(DnsEndpointRecord.dnsName(policy)).hasSize(253);

    policy.getMetadata().setName(longName(44));

    assertThatThrownBy(() -> DnsEndpointRecord.dnsName(policy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set spec.traffic.dnsName");
  }

  @Test
  void anIpv4AddressGetsAnARecordAndAHostnameACname() {
    assertThat(DnsEndpointRecord.recordType("192.0.2.10")).isEqualTo("A");
    assertThat(DnsEndpointRecord.recordType("ingress.toronto.example")).isEqualTo("CNAME");
    assertThat(DnsEndpointRecord.recordType("192.0.2.10.nip.io")).isEqualTo("CNAME");
  }

  @Test
  void theRecordIsNamedAfterThePolicyOwnedByItAndNamesTheDataCenter() {
    GenericKubernetesResource record =
        DnsEndpointRecord.pointingAt(
            withDnsName("crm.shop.example"), Policies.dataCenter("toronto", "192.0.2.10"));

    assertThat(record.getApiVersion()).isEqualTo("externaldns.k8s.io/v1alpha1");
    assertThat(record.getKind()).isEqualTo("DNSEndpoint");
    assertThat(record.getMetadata().getName()).isEqualTo("crm");
    assertThat(record.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(record.getMetadata().getLabels()).containsEntry(PolicyLabels.NAME, "crm");
    assertThat(record.getMetadata().getAnnotations())
        .containsEntry(DnsEndpointRecord.DATA_CENTER_ANNOTATION, "toronto")
        .containsEntry(DnsEndpointRecord.ADDRESS_ANNOTATION, "192.0.2.10");
    assertThat(record.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getApiVersion()).isEqualTo("failover.dev/v1alpha1");
              assertThat(owner.getKind()).isEqualTo("FailoverPolicy");
              assertThat(owner.getName()).isEqualTo("crm");
              assertThat(owner.getUid()).isEqualTo("6f1c1d3e-0000-4000-8000-000000000001");
              assertThat(owner.getController()).isTrue();
            });
    assertThat(record.getAdditionalProperties().get("spec"))
        .isEqualTo(
            Map.of(
                "endpoints",
                List.of(
                    Map.of(
                        "dnsName",
                        "crm.shop.example",
                        "recordType",
                        "A",
                        "targets",
                        List.of("192.0.2.10"),
                        "recordTTL",
                        30L))));
  }

  @Test
  void aStoredRecordTellsWhichDataCenterItPointsAt() {
    FailoverPolicy policy = withDnsName("crm.shop.example");

    GenericKubernetesResource stored =
        stored(
            DnsEndpointRecord.pointingAt(
                policy, Policies.dataCenter("chicago", "ingress.chicago.example")));

    assertThat(DnsEndpointRecord.dataCenterOf(stored, policy)).contains("chicago");
  }

  @Test
  void aRecordWhoseTargetWasEditedPointsNowhere() {
    FailoverPolicy policy = withDnsName("crm.shop.example");
    GenericKubernetesResource stored =
        stored(DnsEndpointRecord.pointingAt(policy, Policies.dataCenter("toronto", "192.0.2.10")));
    endpoint(stored).put("targets", List.of("198.51.100.7"));

    assertThat(DnsEndpointRecord.dataCenterOf(stored, policy)).isEmpty();
  }

  @Test
  void aRecordForTheDnsNameThePolicyHadBeforePointsNowhere() {
    GenericKubernetesResource stored =
        stored(
            DnsEndpointRecord.pointingAt(
                withDnsName("crm.shop.example"), Policies.dataCenter("toronto", "192.0.2.10")));

    assertThat(DnsEndpointRecord.dataCenterOf(stored, withDnsName("crm.new.example"))).isEmpty();
  }

  @Test
  void aRecordWithoutTheDataCenterAnnotationPointsNowhere() {
    FailoverPolicy policy = Policies.crm();
    GenericKubernetesResource stored =
        stored(DnsEndpointRecord.pointingAt(policy, Policies.dataCenter("toronto", "192.0.2.10")));
    stored.getMetadata().getAnnotations().remove(DnsEndpointRecord.DATA_CENTER_ANNOTATION);

    assertThat(DnsEndpointRecord.dataCenterOf(stored, policy)).isEmpty();
  }

  /** A valid object name of three labels, the last of the given length. */
  private static String longName(int lastLabelLength) {
    return String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(lastLabelLength));
  }

  private static FailoverPolicy withDnsName(String dnsName) {
    FailoverPolicy policy = Policies.crm();
    Traffic traffic = new Traffic();
    traffic.setDnsName(dnsName);
    policy.getSpec().setTraffic(traffic);
    return policy;
  }

  /** As read back from the API server: through JSON, with mutable maps and integer numbers. */
  private static GenericKubernetesResource stored(GenericKubernetesResource record) {
    return Policies.SERIALIZATION.unmarshal(
        Policies.SERIALIZATION.asJson(record), GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> endpoint(GenericKubernetesResource record) {
    Map<String, Object> spec = (Map<String, Object>) record.getAdditionalProperties().get("spec");
    return ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
  }
}
