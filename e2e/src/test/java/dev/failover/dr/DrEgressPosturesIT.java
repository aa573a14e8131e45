package dev.failover.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.NamespaceRemoval;
import dev.failover.operator.dr.egress.ConfigMapListSource;
import dev.failover.operator.dr.egress.EgressPostures;
import dev.failover.operator.dr.egress.EgressStatus;
import dev.failover.operator.dr.egress.HostnameResolver;
import dev.failover.operator.dr.egress.ManagedAllowlist;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disaster-recovery egress postures on real API servers, hostnames resolved through a real BIND 9
 * on 127.0.0.1 whose records change with nsupdate, the managed list in a real ConfigMap in the hub:
 * each posture's NetworkPolicies are exactly as documented and gone after leaving, a customer's own
 * NetworkPolicy is never touched, a changed address is rendered again, a failed refresh keeps the
 * last good list and says so, and a data center serving CiliumNetworkPolicy gets one with toFQDNs.
 * The API servers store and validate the policies; no CNI enforces them here.
 *
 * <p>Time is the test's clock, moved forward instead of waited for: the component asks again what
 * is due by that clock, and BIND answers from its zone at once.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrEgressPosturesIT {
  private static final String NAMESPACE = "dr-egress-it";
  private static final String LIST_NAMESPACE = "dr-egress-it-system";
  private static final String LIST = "dr-allowlist";
  private static final String OURS = "dr-egress-deployment-crm-web";
  private static final String CUSTOMERS = "customer-own-egress";
  private static final String CILIUM_CRD = "ciliumnetworkpolicies.cilium.io";
  private static final Duration LIST_REFRESH = Duration.ofMinutes(5);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Bind9 bind;
  private KubernetesClient hub;
  private KubernetesClient toronto;
  private KubernetesClient chicago;
  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ManagedAllowlist managed;
  private EgressPostures postures;

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  void start(Testbed testbed, @TempDir Path dir) throws Exception {
    bind = Bind9.start(dir);
    bind.setAddresses("api.shop.example", "A", List.of("192.0.2.10"));
    bind.setAddresses("api.shop.example", "AAAA", List.of("2001:db8::10"));
    bind.setAddresses("partner.shop.example", "A", List.of("192.0.2.20"));
    bind.setAddresses("moving.shop.example", "A", List.of("192.0.2.30"));
    hub = testbed.dataCenter("hub").client();
    toronto = testbed.dataCenter("toronto").client();
    chicago = testbed.dataCenter("chicago").client();
    namespace(hub, LIST_NAMESPACE);
    list("# the managed list\n203.0.113.0/24\npartner.shop.example\n");
    for (KubernetesClient member : List.of(toronto, chicago)) {
      namespace(member, NAMESPACE);
      member.resource(customersOwnPolicy()).create();
    }
    managed =
        new ManagedAllowlist(
            Optional.of(new ConfigMapListSource(hub, LIST_NAMESPACE, LIST, "allowlist")),
            LIST_REFRESH,
            clock,
            registry);
    postures =
        new EgressPostures(
            managed,
            new HostnameResolver(Optional.of(bind.address()), Duration.ofMillis(700)),
            clock);
  }

  @AfterEach
  void leaveEverywhere() {
    for (String mode : new String[] {"ControlledFailOpen", "FailClosed", "FailOpen"}) {
      FailoverPolicy policy = policy("{trigger: {manual: true}, egress: " + mode + "}");
      postures.leave(policy, "toronto", toronto);
      postures.leave(policy, "chicago", chicago);
    }
  }

  @AfterAll
  void cleanUp() {
    try {
      List<KubernetesClient> members =
          Stream.of(toronto, chicago).filter(Objects::nonNull).toList();
      members.forEach(member -> NamespaceRemoval.begin(member, NAMESPACE));
      members.forEach(
          member -> NamespaceRemoval.awaitGone(member, NAMESPACE, Duration.ofSeconds(60)));
      if (hub != null) {
        hub.namespaces().withName(LIST_NAMESPACE).delete();
        hub.namespaces()
            .withName(LIST_NAMESPACE)
            .waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
      }
    } finally {
      if (bind != null) {
        bind.close();
      }
    }
  }

  @Test
  void controlledFailOpenAllowsExactlyTheAllowlistAndLeavingRemovesOnlyWhatItAdded() {
    String customersVersion = customersVersion(toronto);
    FailoverPolicy policy =
        policy(
            "{trigger: {manual: true}, egress: ControlledFailOpen, allowlist: [198.51.100.0/24,"
                + " api.shop.example, '*.cdn.shop.example']}");

    EgressStatus status = postures.enter(policy, "toronto", toronto);

    TreeSet<String> expected =
        new TreeSet<>(
            List.of(
                "198.51.100.0/24", // the customer's CIDR
                "192.0.2.10/32", // api.shop.example, A
                "2001:db8::10/128", // api.shop.example, AAAA
                "203.0.113.0/24", // the managed list's CIDR
                "192.0.2.20/32")); // the managed list's hostname
    expected.addAll(apiServerBlocks(toronto));
    assertThat(spec(toronto, OURS))
        .isEqualTo(
            yaml(
                """
                podSelector: {matchLabels: {app: crm-web}}
                policyTypes: [Egress]
                egress:
                  - to:
                      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                        podSelector: {matchLabels: {k8s-app: kube-dns}}
                    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                  - to: [{podSelector: {}}]
                  - to: [%s]
                """
                    .formatted(
                        expected.stream()
                            .map(cidr -> "{ipBlock: {cidr: '" + cidr + "'}}")
                            .collect(Collectors.joining(", ")))));
    assertThat(status.renderedAs()).isEqualTo("NetworkPolicy");
    assertThat(status.objects()).containsExactly(OURS);
    assertThat(status.problems())
        .containsExactly(
            "*.cdn.shop.example: a wildcard has no addresses; only a data center serving"
                + " CiliumNetworkPolicy (toFQDNs) can allow it");
    assertThat(status.hostnames())
        .extracting(resolution -> resolution.hostname() + "=" + resolution.blocks())
        .containsExactly(
            "api.shop.example=[192.0.2.10/32, 2001:db8::10/128]",
            "partner.shop.example=[192.0.2.20/32]");
    assertThat(managers(toronto, OURS)).containsExactly("failover-operator");

    EgressStatus left = postures.leave(policy, "toronto", toronto);

    assertThat(left.removed()).containsExactly(OURS);
    assertThat(ourPolicies(toronto)).isEmpty();
    assertThat(customersVersion(toronto))
        .as("the customer's own policy")
        .isEqualTo(customersVersion);
  }

  @Test
  void failClosedIsClusterDnsAndTheOwnNamespaceAndFailOpenAddsNothing() {
    String customersVersion = customersVersion(toronto);
    FailoverPolicy closed = policy("{trigger: {manual: true}, egress: FailClosed}");

    postures.enter(closed, "toronto", toronto);

    assertThat(spec(toronto, OURS))
        .isEqualTo(
            yaml(
                """
                podSelector: {matchLabels: {app: crm-web}}
                policyTypes: [Egress]
                egress:
                  - to:
                      - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                        podSelector: {matchLabels: {k8s-app: kube-dns}}
                    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                  - to: [{podSelector: {}}]
                """));
    assertThat(labels(toronto, OURS)).containsEntry("failover.dev/dr-egress", "FailClosed");

    // The posture changed to FailOpen while in DR mode: what FailClosed added goes.
    EgressStatus open =
        postures.enter(policy("{trigger: {manual: true}, egress: FailOpen}"), "toronto", toronto);

    assertThat(open.posture()).contains(EgressMode.FailOpen);
    assertThat(open.renderedAs()).isEqualTo(EgressStatus.NOTHING);
    assertThat(open.removed()).containsExactly(OURS);
    assertThat(ourPolicies(toronto)).isEmpty();
    assertThat(customersVersion(toronto)).isEqualTo(customersVersion);
  }

  @Test
  void aHostnameWhoseAddressChangesIsRenderedAgainOnceItsTtlRunsOut() throws Exception {
    FailoverPolicy policy =
        policy(
            "{trigger: {manual: true}, egress: ControlledFailOpen, managedAllowlist: false,"
                + " allowlist: [moving.shop.example]}");
    postures.enter(policy, "toronto", toronto);
    assertThat(ipBlocks(toronto)).containsExactly("192.0.2.30/32");

    bind.setAddresses("moving.shop.example", "A", List.of("192.0.2.31", "192.0.2.32"));
    // Within the TTL (5 s) the answer stands.
    EgressStatus early = postures.refresh(policy, "toronto", toronto);
    assertThat(ipBlocks(toronto)).containsExactly("192.0.2.30/32");
    assertThat(early.nextRefresh()).isPresent();

    clock.advance(Duration.ofSeconds(6));
    EgressStatus refreshed = postures.refresh(policy, "toronto", toronto);

    assertThat(ipBlocks(toronto)).containsExactly("192.0.2.31/32", "192.0.2.32/32");
    assertThat(refreshed.hostnames().get(0).resolvedAt()).contains(clock.instant());
    assertThat(refreshed.problems()).isEmpty();
  }

  @Test
  void aFailedRefreshKeepsTheLastGoodListAndSaysSo() throws Exception {
    FailoverPolicy policy =
        policy(
            "{trigger: {manual: true}, egress: ControlledFailOpen, allowlist: [api.shop.example]}");
    postures.enter(policy, "toronto", toronto);
    assertThat(ipBlocks(toronto)).contains("203.0.113.0/24", "192.0.2.20/32", "192.0.2.10/32");
    double failuresBefore = registry.counter("failover.dr.allowlist.refresh.failures").count();

    try {
      // The ConfigMap now holds something that is not a list.
      list("<html>502 Bad Gateway</html>\n");
      clock.advance(LIST_REFRESH);
      EgressStatus broken = postures.refresh(policy, "toronto", toronto);
      assertThat(ipBlocks(toronto)).contains("203.0.113.0/24", "192.0.2.20/32");
      assertThat(broken.managedList().lastError())
          .get()
          .asString()
          .contains("failed: line 1: '<html>502 Bad Gateway</html>'")
          .contains("keeping the list read at");
      assertThat(broken.problems()).contains(broken.managedList().lastError().get());

      // Then it is gone altogether.
      hub.configMaps().inNamespace(LIST_NAMESPACE).withName(LIST).delete();
      clock.advance(LIST_REFRESH);
      EgressStatus missing = postures.refresh(policy, "toronto", toronto);
      assertThat(ipBlocks(toronto)).contains("203.0.113.0/24", "192.0.2.20/32");
      assertThat(missing.managedList().lastError()).get().asString().contains("does not exist");
      assertThat(registry.counter("failover.dr.allowlist.refresh.failures").count())
          .isEqualTo(failuresBefore + 2);

    } finally {
      list("# the managed list\n203.0.113.0/24\npartner.shop.example\n");
      assertThat(managed.refresh().lastError()).as("the list restored").isEmpty();
    }
  }

  /** Last: it stops the name server. */
  @Test
  @Order(Integer.MAX_VALUE)
  void aResolverThatStopsAnsweringKeepsTheLastAddresses() throws Exception {
    FailoverPolicy policy =
        policy(
            "{trigger: {manual: true}, egress: ControlledFailOpen, managedAllowlist: false,"
                + " allowlist: [api.shop.example]}");
    postures.enter(policy, "toronto", toronto);
    assertThat(ipBlocks(toronto)).containsExactly("192.0.2.10/32", "2001:db8::10/128");

    bind.close();
    clock.advance(Duration.ofSeconds(6));
    EgressStatus kept = postures.refresh(policy, "toronto", toronto);

    assertThat(ipBlocks(toronto)).containsExactly("192.0.2.10/32", "2001:db8::10/128");
    assertThat(kept.hostnames().get(0).error())
        .get()
        .asString()
        .startsWith("no answer from 127.0.0.1:")
        .endsWith("; keeping the last addresses");
    assertThat(kept.problems()).hasSize(1);
  }

  @Test
  void aDataCenterServingCiliumGetsACiliumNetworkPolicyWithFqdns() throws URISyntaxException {
    Path crd =
        Path.of(getClass().getResource("/cilium/ciliumnetworkpolicies.cilium.io.yaml").toURI());
    FailoverCrds.install(chicago, crd);
    try {
      FailoverPolicy policy =
          policy(
              "{trigger: {manual: true}, egress: ControlledFailOpen, managedAllowlist: false,"
                  + " allowlist: [198.51.100.0/24, api.shop.example, '*.cdn.shop.example']}");

      EgressStatus status = postures.enter(policy, "chicago", chicago);

      assertThat(status.renderedAs()).isEqualTo("CiliumNetworkPolicy");
      assertThat(status.problems()).as("a wildcard is fine with Cilium").isEmpty();
      assertThat(status.hostnames()).as("Cilium resolves names itself").isEmpty();
      GenericKubernetesResource cnp =
          chicago
              .genericKubernetesResources("cilium.io/v2", "CiliumNetworkPolicy")
              .inNamespace(NAMESPACE)
              .withName(OURS)
              .get();
      assertThat(SERIALIZATION.convertValue(cnp.getAdditionalProperties().get("spec"), Map.class))
          .isEqualTo(
              yaml(
                  """
                  endpointSelector: {matchLabels: {app: crm-web}}
                  egress:
                    - toEndpoints:
                        - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}
                      toPorts:
                        - ports: [{port: "53", protocol: ANY}]
                          rules: {dns: [{matchPattern: "*"}]}
                    - toEndpoints: [{}]
                    - toCIDR: [198.51.100.0/24]
                    - toFQDNs: [{matchName: api.shop.example}, {matchPattern: "*.cdn.shop.example"}]
                  """));
      assertThat(ourPolicies(chicago)).as("no NetworkPolicy besides").isEmpty();

      EgressStatus left = postures.leave(policy, "chicago", chicago);

      assertThat(left.removed()).containsExactly(OURS);
      assertThat(
              chicago
                  .genericKubernetesResources("cilium.io/v2", "CiliumNetworkPolicy")
                  .inNamespace(NAMESPACE)
                  .list()
                  .getItems())
          .isEmpty();
      assertThat(
              chicago
                  .network()
                  .v1()
                  .networkPolicies()
                  .inNamespace(NAMESPACE)
                  .withName(CUSTOMERS)
                  .get())
          .isNotNull();
    } finally {
      chicago.apiextensions().v1().customResourceDefinitions().withName(CILIUM_CRD).delete();
      chicago
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(CILIUM_CRD)
          .waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
    }
  }

  private static FailoverPolicy policy(String disasterRecovery) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: failover.dev/v1alpha1
        kind: FailoverPolicy
        metadata: {name: crm, namespace: %s}
        spec:
          riderRef: {kind: SaasRider, name: crm}
          placement: {primary: toronto, secondaries: [chicago]}
          disasterRecovery: %s
          workload:
            criticalApplications: [crm-web]
            manifests:
              - apiVersion: apps/v1
                kind: Deployment
                metadata: {name: crm-web}
                spec:
                  selector: {matchLabels: {app: crm-web}}
                  template:
                    metadata: {labels: {app: crm-web}}
                    spec: {containers: [{name: web, image: registry.example/crm:1.0}]}
        """
            .formatted(NAMESPACE, disasterRecovery),
        FailoverPolicy.class);
  }

  /** The customer's own egress policy in the namespace, which DR mode must never touch. */
  private static NetworkPolicy customersOwnPolicy() {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(CUSTOMERS)
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("app.kubernetes.io/managed-by", "the-customer"))
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Map.of("app", "crm-web"))
        .endPodSelector()
        .withPolicyTypes("Egress")
        .addNewEgress()
        .addNewTo()
        .withNewIpBlock()
        .withCidr("198.18.0.0/15")
        .endIpBlock()
        .endTo()
        .endEgress()
        .endSpec()
        .build();
  }

  private void list(String text) {
    hub.resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(LIST)
                .withNamespace(LIST_NAMESPACE)
                .endMetadata()
                .withData(Map.of("allowlist", text))
                .build())
        .serverSideApply();
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static String customersVersion(KubernetesClient member) {
    return member
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(NAMESPACE)
        .withName(CUSTOMERS)
        .get()
        .getMetadata()
        .getResourceVersion();
  }

  private static List<NetworkPolicy> ourPolicies(KubernetesClient member) {
    return member
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(NAMESPACE)
        .withLabel("failover.dev/dr-egress")
        .list()
        .getItems();
  }

  private static GenericKubernetesResource stored(KubernetesClient member, String name) {
    return member
        .genericKubernetesResources("networking.k8s.io/v1", "NetworkPolicy")
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  private static Map<?, ?> spec(KubernetesClient member, String name) {
    return SERIALIZATION.convertValue(
        stored(member, name).getAdditionalProperties().get("spec"), Map.class);
  }

  private static Map<String, String> labels(KubernetesClient member, String name) {
    return stored(member, name).getMetadata().getLabels();
  }

  private static List<String> managers(KubernetesClient member, String name) {
    return stored(member, name).getMetadata().getManagedFields().stream()
        .map(field -> field.getManager())
        .distinct()
        .toList();
  }

  /** The ipBlocks of the stored policy, in order. */
  private static List<String> ipBlocks(KubernetesClient member) {
    NetworkPolicy stored =
        member.network().v1().networkPolicies().inNamespace(NAMESPACE).withName(OURS).get();
    return stored.getSpec().getEgress().stream()
        .flatMap(rule -> rule.getTo().stream())
        .filter(peer -> peer.getIpBlock() != null)
        .map(peer -> peer.getIpBlock().getCidr())
        .toList();
  }

  private static List<String> apiServerBlocks(KubernetesClient member) {
    EndpointSlice slice =
        member
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace("default")
            .withName("kubernetes")
            .get();
    return slice.getEndpoints().stream()
        .flatMap(endpoint -> endpoint.getAddresses().stream())
        .map(address -> address + (address.contains(":") ? "/128" : "/32"))
        .toList();
  }

  private static Map<?, ?> yaml(String text) {
    return SERIALIZATION.unmarshal(text, Map.class);
  }
}
