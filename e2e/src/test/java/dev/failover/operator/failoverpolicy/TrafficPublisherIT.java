package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.HubApi;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.e2e.FailoverCrds;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing the active data center as an external-dns DNSEndpoint in a real hub, with the CRD
 * external-dns ships (fetched by e2e/scripts/testbed-binaries.sh). Each test has its own namespace.
 * Toronto's example ingress is a hostname, Washington's an IPv4 address.
 */
@ExtendWith(SharedTestbedExtension.class)
class TrafficPublisherIT {
  private static final long GONE_WITHIN_SECONDS = 120;

  /** This test's namespaces in the hub, deleted after it; no other test uses them. */
  private final List<String> namespaces = new ArrayList<>();

  /** The namespaces of this class's tests, being deleted; the class waits for them at its end. */
  private static final Set<String> DELETED = ConcurrentHashMap.newKeySet();

  @AfterEach
  void deleteTheNamespaces(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    namespaces.forEach(namespace -> hub.namespaces().withName(namespace).delete());
    DELETED.addAll(namespaces);
  }

  @AfterAll
  static void removeTheExamples(Testbed testbed) {
    KubernetesClient hub = testbed.dataCenter("hub").client();
    try {
      DELETED.forEach(
          namespace ->
              hub.namespaces()
                  .withName(namespace)
                  .waitUntilCondition(Objects::isNull, GONE_WITHIN_SECONDS, TimeUnit.SECONDS));
    } finally {
      DELETED.clear();
      HubApi.removeExamples(testbed);
    }
  }

  @Test
  void publishesTheRecordAndRepointsItAtAnotherDataCenter(Testbed testbed) {
    KubernetesClient hub = hubWithExternalDns(testbed);
    FailoverPolicy policy = storedPolicy(hub, "traffic-repoint");
    TrafficPublisher publisher = new TrafficPublisher(hub);
    assertThat(publisher.currentTarget(policy)).isEmpty();

    publisher.publish(policy, Examples.dataCenter("toronto"));

    assertThat(endpoints(record(hub, policy).get()))
        .isEqualTo(
            List.of(
                Map.of(
                    "dnsName",
                    "crm.shop.example",
                    "recordType",
                    "CNAME",
                    "targets",
                    List.of("ingress.toronto.shop.example"),
                    "recordTTL",
                    30)));
    assertThat(publisher.currentTarget(policy)).contains("toronto");

    publisher.publish(policy, Examples.dataCenter("washington"));

    GenericKubernetesResource repointed = record(hub, policy).get();
    assertThat(endpoints(repointed))
        .isEqualTo(
            List.of(
                Map.of(
                    "dnsName",
                    "crm.shop.example",
                    "recordType",
                    "A",
                    "targets",
                    List.of("203.0.113.30"),
                    "recordTTL",
                    30)));
    assertThat(repointed.getMetadata().getAnnotations())
        .containsEntry(DnsEndpointRecord.DATA_CENTER_ANNOTATION, "washington");
    assertThat(publisher.currentTarget(policy)).contains("washington");
  }

  @Test
  void publishingTheSameTargetAgainWritesNothing(Testbed testbed) {
    KubernetesClient hub = hubWithExternalDns(testbed);
    FailoverPolicy policy = storedPolicy(hub, "traffic-twice");
    TrafficPublisher publisher = new TrafficPublisher(hub);
    DataCenter toronto = Examples.dataCenter("toronto");
    publisher.publish(policy, toronto);
    String first = record(hub, policy).get().getMetadata().getResourceVersion();

    publisher.publish(policy, toronto);

    assertThat(record(hub, policy).get().getMetadata().getResourceVersion()).isEqualTo(first);
  }

  @Test
  void aRecordSomeoneElseRepointedIsNotTakenForOurs(Testbed testbed) {
    KubernetesClient hub = hubWithExternalDns(testbed);
    FailoverPolicy policy = storedPolicy(hub, "traffic-edited");
    TrafficPublisher publisher = new TrafficPublisher(hub);
    publisher.publish(policy, Examples.dataCenter("washington"));

    record(hub, policy)
        .edit(
            record -> {
              endpoints(record).get(0).put("targets", List.of("198.51.100.99"));
              return record;
            });

    assertThat(publisher.currentTarget(policy)).isEmpty();
    publisher.publish(policy, Examples.dataCenter("washington"));
    assertThat(publisher.currentTarget(policy)).contains("washington");
  }

  @Test
  void theRecordIsDeletedWithItsPolicy(Testbed testbed) {
    KubernetesClient hub = hubWithExternalDns(testbed);
    FailoverPolicy policy = storedPolicy(hub, "traffic-owned");
    new TrafficPublisher(hub).publish(policy, Examples.dataCenter("toronto"));
    assertThat(record(hub, policy).get().getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(policy.getMetadata().getUid()));

    hub.resource(policy).delete();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(record(hub, policy).get()).isNull());
  }

  private static KubernetesClient hubWithExternalDns(Testbed testbed) {
    KubernetesClient hub = HubApi.installed(testbed);
    FailoverCrds.install(hub, testbed.binaries().externalDnsCrd());
    return hub;
  }

  /** The example CRM policy, created in the hub in its own namespace, so it has a uid. */
  private FailoverPolicy storedPolicy(KubernetesClient hub, String namespace) {
    namespaces.add(namespace);
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    return hub.resource(Examples.crmPolicyIn(namespace)).create();
  }

  private static Resource<GenericKubernetesResource> record(
      KubernetesClient hub, FailoverPolicy policy) {
    return hub.genericKubernetesResources(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)
        .inNamespace(policy.getMetadata().getNamespace())
        .withName(policy.getMetadata().getName());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> endpoints(GenericKubernetesResource record) {
    Map<String, Object> spec = (Map<String, Object>) record.getAdditionalProperties().get("spec");
    return (List<Map<String, Object>>) spec.get("endpoints");
  }
}
