package dev.failover.operator.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.datacenter.KubeconfigSecretRef;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.e2e.FailoverCrds;
import dev.failover.e2e.SelfContainedKubeconfig;
import dev.failover.e2e.ServerSideApply;
import dev.failover.operator.clusters.ApiServerProbe;
import dev.failover.operator.clusters.ClusterCapacityReader;
import dev.failover.operator.clusters.DataCenterClientFactory;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.probes.ProbeListener;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Sleep;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DataCenter reconciler, in this JVM, against a real hub and a real data center (Toronto),
 * running as a ServiceAccount that may read only some Secrets of its namespace: every way a
 * kubeconfig can be unusable shows up as a phase, a condition and an Event, and never leaks it.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCenterCredentialsIT {
  private static final String SECRETS = "creds-it";
  private static final String ELSEWHERE = "creds-it-elsewhere";
  private static final String OPERATOR = "creds-it-operator";
  private static final String LABEL = "failover.dev/test";
  private static final String SECRET_MARKER = "c0nfidential-never-shown";
  private static final Duration WITHIN = Duration.ofSeconds(60);

  /** The Secrets the operator may read; any other in its namespace answers 403. */
  private static final List<String> READABLE =
      List.of("garbage", "no-context", "rotating", "bogus-token");

  private KubernetesClient hub;
  private KubernetesClient operatorIdentity;
  private Operator operator;
  private DataCenterHealthMonitor monitor;
  private DataCenterCapacityMonitor capacity;
  private DataCenterConnections connections;
  private DataCenterCluster toronto;

  @BeforeAll
  void startTheReconciler(Testbed testbed) {
    hub = testbed.dataCenter("hub").client();
    toronto = testbed.dataCenter("toronto");
    FailoverCrds.installInto(hub);
    ServerSideApply.namespace(hub, SECRETS);
    ServerSideApply.namespace(hub, ELSEWHERE);
    operatorIdentity = restrictedIdentity();
    awaitServed();

    Clock clock = Clock.systemUTC();
    SimpleInboundEventSource<DataCenter> changes = new SimpleInboundEventSource<>("creds-it");
    connections =
        new DataCenterConnections(
            new DataCenterClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    monitor =
        new DataCenterHealthMonitor(
            new ApiServerProbe(clock),
            clock,
            name -> changes.propagateEvent(new ResourceID(name)),
            ProbeListener.none());
    capacity =
        new DataCenterCapacityMonitor(
            new ClusterCapacityReader(clock), Duration.ofSeconds(15), Duration.ofSeconds(5));
    operator = new Operator(o -> o.withKubernetesClient(operatorIdentity));
    operator.register(
        new DataCenterReconciler(
            operatorIdentity, SECRETS, connections, monitor, capacity, changes, name -> {}, clock),
        o -> o.withLabelSelector(LABEL + "=credentials-it"));
    operator.start();
  }

  @AfterAll
  void cleanUp() {
    try {
      hub.resources(DataCenter.class).withLabel(LABEL, "credentials-it").delete();
      await()
          .atMost(WITHIN)
          .until(
              () ->
                  hub.resources(DataCenter.class)
                      .withLabel(LABEL, "credentials-it")
                      .list()
                      .getItems()
                      .isEmpty());
    } finally {
      operator.stop();
      monitor.close();
      capacity.close();
      connections.close();
      operatorIdentity.close();
    }
    hub.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().startsWith("creds-it-"))
        .forEach(e -> hub.resource(e).delete());
    hub.rbac().clusterRoleBindings().withName(OPERATOR).delete();
    hub.rbac().clusterRoles().withName(OPERATOR).delete();
    hub.namespaces().withName(SECRETS).delete();
    hub.namespaces().withName(ELSEWHERE).delete();
    await()
        .atMost(WITHIN)
        .until(
            () ->
                hub.namespaces().withName(SECRETS).get() == null
                    && hub.namespaces().withName(ELSEWHERE).get() == null);
  }

  @Test
  void aGarbageKubeconfigIsPendingWithAConditionAndAnEventThatDoNotQuoteIt() {
    secret(SECRETS, "garbage", "{{{ token: " + SECRET_MARKER + "\n  - [");
    dataCenter("creds-it-garbage", "garbage", SECRETS);

    DataCenter refused = awaitCredentials("creds-it-garbage", "KubeconfigInvalid");

    assertThat(refused.getStatus().getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(condition(refused, ConditionTypes.READY).getStatus()).isEqualTo("False");
    assertThat(condition(refused, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .contains("Secret creds-it/garbage")
        .doesNotContain(SECRET_MARKER);
    Event event = awaitEvent("creds-it-garbage", "KubeconfigInvalid");
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage()).doesNotContain(SECRET_MARKER);
  }

  @Test
  void aKubeconfigWithNoUsableContextIsRefusedRatherThanAimedAtTheHub() {
    secret(
        SECRETS,
        "no-context",
        torontoKubeconfig().replaceAll("(?m)^current-context:.*$", "current-context: nowhere"));
    dataCenter("creds-it-no-context", "no-context", SECRETS);

    DataCenter refused = awaitCredentials("creds-it-no-context", "KubeconfigNoUsableContext");

    assertThat(refused.getStatus().getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(condition(refused, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .contains("current-context nowhere names no context");
    awaitEvent("creds-it-no-context", "KubeconfigNoUsableContext");
  }

  @Test
  void aSecretTheOperatorMayNotReadIsForbiddenNotMissing() {
    secret(SECRETS, "forbidden", torontoKubeconfig());
    dataCenter("creds-it-forbidden", "forbidden", SECRETS);

    DataCenter refused = awaitCredentials("creds-it-forbidden", "SecretForbidden");

    assertThat(refused.getStatus().getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(refused.getStatus().getMessage()).contains("403");
    awaitEvent("creds-it-forbidden", "SecretForbidden");
  }

  @Test
  void aSecretOutsideTheSecretsNamespaceIsNeverRead() {
    secret(ELSEWHERE, "elsewhere", torontoKubeconfig());
    dataCenter("creds-it-elsewhere", "elsewhere", ELSEWHERE);

    DataCenter refused = awaitCredentials("creds-it-elsewhere", "SecretOutsideNamespace");

    assertThat(refused.getStatus().getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(condition(refused, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .contains("spec.kubeconfigSecretRef.namespace is creds-it-elsewhere")
        .contains("only in creds-it");
    awaitEvent("creds-it-elsewhere", "SecretOutsideNamespace");
  }

  @Test
  void aFailedRotationKeepsProbingWithTheOldKubeconfigAndAGoodOneClearsTheCondition() {
    secret(SECRETS, "rotating", torontoKubeconfig());
    dataCenter("creds-it-rotating", "rotating", SECRETS);
    awaitPhase("creds-it-rotating", DataCenterPhase.Healthy);

    secret(SECRETS, "rotating", "not: a kubeconfig\n");
    DataCenter rotated = awaitCredentials("creds-it-rotating", "KubeconfigInvalid");
    Instant probedAt = Instant.parse(rotated.getStatus().getLastProbeTime());

    assertThat(rotated.getStatus().getPhase()).isEqualTo(DataCenterPhase.Healthy);
    assertThat(condition(rotated, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .endsWith("still using the kubeconfig read before");
    awaitEvent("creds-it-rotating", "KubeconfigInvalid");
    await()
        .atMost(WITHIN)
        .until(
            () -> Instant.parse(get("creds-it-rotating").getStatus().getLastProbeTime()),
            later -> later.isAfter(probedAt));
    assertThat(get("creds-it-rotating").getStatus().getPhase()).isEqualTo(DataCenterPhase.Healthy);

    secret(SECRETS, "rotating", torontoKubeconfig());
    awaitCredentials("creds-it-rotating", "Accepted");
    awaitEvent("creds-it-rotating", "Accepted");
  }

  @Test
  void aTokenTheDataCenterRejectsIsACredentialFaultNotABlackout() {
    secret(SECRETS, "bogus-token", torontoKubeconfigWithToken("not-a-valid-token"));
    dataCenter("creds-it-bogus-token", "bogus-token", SECRETS);

    DataCenter rejected = awaitCredentials("creds-it-bogus-token", "CredentialsRejected");
    // Seen rejected; now well past failureThreshold (3) probes, 2s apart: still no blackout.
    Sleep.of(Duration.ofSeconds(10));
    DataCenter later = get("creds-it-bogus-token");

    assertThat(condition(rejected, ConditionTypes.CREDENTIALS_VALID).getMessage())
        .contains("401 Unauthorized");
    assertThat(later.getStatus().getPhase()).isEqualTo(DataCenterPhase.Pending);
    assertThat(later.getStatus().getConsecutiveFailures()).isZero();
    assertThat(condition(later, ConditionTypes.READY).getReason()).isEqualTo("CredentialsRejected");
    awaitEvent("creds-it-bogus-token", "CredentialsRejected");
  }

  /** A freshly installed CRD answers 429 from the watch cache until its storage is ready. */
  private void awaitServed() {
    await()
        .atMost(WITHIN)
        .ignoreException(KubernetesClientException.class)
        .until(
            () ->
                operatorIdentity
                        .resources(DataCenter.class)
                        .list(new ListOptionsBuilder().withResourceVersion("0").build())
                    != null);
  }

  private String torontoKubeconfig() {
    return SelfContainedKubeconfig.of(toronto.proxiedKubeconfig());
  }

  /** Toronto's kubeconfig with its client certificate replaced by a bearer token. */
  private String torontoKubeconfigWithToken(String token) {
    io.fabric8.kubernetes.api.model.Config config =
        io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
            torontoKubeconfig(), io.fabric8.kubernetes.api.model.Config.class);
    config
        .getUsers()
        .forEach(
            user -> {
              user.getUser().setClientCertificateData(null);
              user.getUser().setClientKeyData(null);
              user.getUser().setToken(token);
            });
    return io.fabric8.kubernetes.client.utils.Serialization.asYaml(config);
  }

  /**
   * A client for the hub as a ServiceAccount with what the operator needs, and Secrets readable
   * only by the names in {@link #READABLE}.
   */
  private KubernetesClient restrictedIdentity() {
    hub.resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(OPERATOR)
                .withNamespace(SECRETS)
                .endMetadata()
                .build())
        .serverSideApply();
    hub.resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(OPERATOR)
                .endMetadata()
                .addNewRule()
                .withApiGroups("failover.dev")
                .withResources("datacenters")
                .withVerbs("get", "list", "watch", "patch", "update")
                .endRule()
                .addNewRule()
                .withApiGroups("failover.dev")
                .withResources("datacenters/status")
                .withVerbs("get", "patch", "update")
                .endRule()
                .addNewRule()
                .withApiGroups("")
                .withResources("events")
                .withVerbs("create", "patch")
                .endRule()
                .build())
        .serverSideApply();
    hub.resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(OPERATOR)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", OPERATOR)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(OPERATOR)
                .withNamespace(SECRETS)
                .endSubject()
                .build())
        .serverSideApply();
    hub.resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(OPERATOR)
                .withNamespace(SECRETS)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withResourceNames(READABLE)
                .withVerbs("get")
                .endRule()
                .build())
        .serverSideApply();
    hub.resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(OPERATOR)
                .withNamespace(SECRETS)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", OPERATOR)
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(OPERATOR)
                .withNamespace(SECRETS)
                .endSubject()
                .build())
        .serverSideApply();
    String token =
        hub.serviceAccounts()
            .inNamespace(SECRETS)
            .withName(OPERATOR)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config config =
        new ConfigBuilder(hub.getConfiguration())
            .withClientCertData(null)
            .withClientCertFile(null)
            .withClientKeyData(null)
            .withClientKeyFile(null)
            .withUsername(null)
            .withPassword(null)
            .withOauthToken(token)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private void secret(String namespace, String name, String kubeconfig) {
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withData(
                    Map.of(
                        "kubeconfig",
                        Base64.getEncoder()
                            .encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  private void dataCenter(String name, String secret, String namespace) {
    KubeconfigSecretRef ref = new KubeconfigSecretRef();
    ref.setName(secret);
    ref.setNamespace(namespace);
    ProbeSpec probe = new ProbeSpec();
    // The defaults: a loaded CI machine must not turn a 401 answered late into a timeout.
    probe.setInterval("2s");
    probe.setTimeout("1s");
    probe.setBrownoutWindow("10s");
    DataCenterSpec spec = new DataCenterSpec();
    spec.setKubeconfigSecretRef(ref);
    spec.setRegion("test");
    spec.setIngressAddress("10.0.0.9");
    spec.setProbe(probe);
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(
        new ObjectMetaBuilder().withName(name).withLabels(Map.of(LABEL, "credentials-it")).build());
    dataCenter.setSpec(spec);
    hub.resource(dataCenter).serverSideApply();
  }

  private DataCenter get(String name) {
    return hub.resources(DataCenter.class).withName(name).get();
  }

  private DataCenter awaitCredentials(String name, String reason) {
    try {
      return await()
          .atMost(WITHIN)
          .until(
              () -> get(name),
              dc ->
                  conditionOf(dc, ConditionTypes.CREDENTIALS_VALID)
                      .map(c -> reason.equals(c.getReason()))
                      .orElse(false));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          name + " never got CredentialsValid reason " + reason + "; it is " + describe(get(name)),
          e);
    }
  }

  private static String describe(DataCenter dataCenter) {
    DataCenterStatus status = dataCenter.getStatus();
    if (status == null) {
      return "without status";
    }
    StringBuilder text = new StringBuilder("phase " + status.getPhase());
    if (status.getConditions() != null) {
      for (Condition c : status.getConditions()) {
        text.append("; ")
            .append(c.getType())
            .append('=')
            .append(c.getStatus())
            .append(' ')
            .append(c.getReason())
            .append(": ")
            .append(c.getMessage());
      }
    }
    return text.toString();
  }

  private void awaitPhase(String name, DataCenterPhase phase) {
    await()
        .atMost(WITHIN)
        .until(() -> get(name), dc -> dc.getStatus() != null && dc.getStatus().getPhase() == phase);
  }

  private Event awaitEvent(String dataCenter, String reason) {
    return await()
        .atMost(WITHIN)
        .until(
            () ->
                hub.v1().events().inNamespace("default").list().getItems().stream()
                    .filter(e -> dataCenter.equals(e.getInvolvedObject().getName()))
                    .filter(e -> reason.equals(e.getReason()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Condition> conditionOf(DataCenter dataCenter, String type) {
    DataCenterStatus status = dataCenter == null ? null : dataCenter.getStatus();
    return status == null ? Optional.empty() : status.condition(type);
  }

  private static Condition condition(DataCenter dataCenter, String type) {
    return conditionOf(dataCenter, type).orElseThrow();
  }
}
