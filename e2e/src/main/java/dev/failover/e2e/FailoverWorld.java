package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.testbed.DataCenterCluster;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator needs to run against a {@link Testbed}: a hub with the failover.dev CRDs, a
 * kubeconfig Secret per data center in {@code failover-system}, and a {@code DataCenter} resource
 * per data center. The operator itself is started on demand with {@link #operator()}.
 *
 * <p>The world does not own the clusters: {@link #close()} stops the operators it started and
 * removes its DataCenter resources, and leaves the testbed running for the next world.
 */
public final class FailoverWorld implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FailoverWorld.class);

  public static final String HUB = "hub";
  public static final String SECRETS_NAMESPACE = OperatorLaunch.SECRETS_NAMESPACE;
  public static final String KUBECONFIG_KEY = "kubeconfig";

  /** Deleting a namespace waits for the namespace controller to empty it first. */
  private static final java.time.Duration NAMESPACE_GONE_WITHIN = java.time.Duration.ofMinutes(2);

  private static final String FAILOVER_POLICY = new FailoverPolicy().getKind();

  /** Operators are named per JVM, so their logs and directories never mix in a shared testbed. */
  private static final AtomicInteger OPERATORS_STARTED = new AtomicInteger();

  private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(30);

  private final Testbed testbed;
  private final List<DataCenterPlan> plans;
  private final MemberIdentity members;

  /** The operator's kubeconfig for the hub: the chart's ServiceAccount, not the admin. */
  private Path operatorHubKubeconfig;

  private final List<OperatorProcess> operators = new ArrayList<>();

  /** The namespaces the operator may put workloads in, in every member data center. */
  private final Set<String> workloadNamespaces = new TreeSet<>();

  private FailoverWorld(Testbed testbed, List<DataCenterPlan> plans) {
    this.testbed = testbed;
    this.plans = List.copyOf(plans);
    this.members = new MemberIdentity(testbed);
  }

  /** Toronto, Chicago and Washington ({@link DataCenterPlan#defaults()}) behind a hub. */
  public static FailoverWorld start(Testbed testbed) {
    return start(testbed, DataCenterPlan.defaults());
  }

  /**
   * Starts the hub and the data centers the testbed does not run yet, then installs the API, the
   * Secrets and the DataCenter resources. DataCenters of the same names left by an earlier world
   * are deleted first, so no status is left over from another operator.
   *
   * <p>The Secrets hold no admin credentials: each data center gets the member-rbac chart, and its
   * Secret a token of the operator's ServiceAccount there ({@link MemberIdentity}). A policy
   * applied through {@link #apply} or {@link #applyYaml} has its namespace admitted first ({@link
   * #admitWorkloadNamespace}), as the platform team adds a tenant's namespace to the chart.
   */
  public static FailoverWorld start(Testbed testbed, List<DataCenterPlan> plans) {
    FailoverWorld world = new FailoverWorld(testbed, plans);
    testbed.dataCenter(HUB);
    plans.forEach(plan -> testbed.dataCenter(plan.name()));
    KubernetesClient hub = world.hub();
    FailoverCrds.installInto(hub);
    world.operatorHubKubeconfig = HubIdentity.install(testbed, testbed.dataCenter(HUB));
    // Policies publish their active data center as external-dns DNSEndpoints.
    FailoverCrds.install(hub, testbed.binaries().externalDnsCrd());
    ServerSideApply.namespace(hub, SECRETS_NAMESPACE);
    world.deleteDataCenterResources();
    for (DataCenterPlan plan : plans) {
      world.members.install(testbed.dataCenter(plan.name()), Set.of());
      ServerSideApply.apply(hub, world.kubeconfigSecret(plan));
      ServerSideApply.apply(hub, plan.resource(SECRETS_NAMESPACE));
    }
    log.info(
        "Failover world ready: hub {} with data centers {}",
        testbed.dataCenter(HUB).apiServerUrl(),
        plans.stream().map(DataCenterPlan::name).toList());
    return world;
  }

  /** A client for the hub, shared with the testbed; do not close it. */
  public KubernetesClient hub() {
    return testbed.dataCenter(HUB).client();
  }

  public DataCenterCluster hubCluster() {
    return testbed.dataCenter(HUB);
  }

  /** The testbed cluster behind a data center of this world, to stop, freeze, slow or cut. */
  public DataCenterCluster dataCenter(String name) {
    plan(name);
    return testbed.dataCenter(name);
  }

  public List<DataCenterPlan> plans() {
    return plans;
  }

  public Testbed testbed() {
    return testbed;
  }

  /** The kubeconfig the operator uses for this data center, as its hub Secret holds it. */
  public String operatorKubeconfig(String dataCenter) {
    Secret secret =
        hub()
            .secrets()
            .inNamespace(SECRETS_NAMESPACE)
            .withName(plan(dataCenter).secretName())
            .get();
    byte[] kubeconfig = java.util.Base64.getDecoder().decode(secret.getData().get(KUBECONFIG_KEY));
    return new String(kubeconfig, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * A client into the data center as the operator: its Secret's kubeconfig, built the way the
   * operator builds its own. Close it.
   */
  public KubernetesClient operatorClient(String dataCenter) {
    return new dev.failover.operator.clusters.DataCenterClientFactory(
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5))
        .fromKubeconfig(operatorKubeconfig(dataCenter));
  }

  /** The DataCenter resource as the hub has it now, status included. */
  public DataCenter dataCenterResource(String name) {
    return dataCenterResources().withName(plan(name).name()).get();
  }

  /**
   * Server-side apply to the hub under field manager {@value ServerSideApply#FIELD_MANAGER}; a
   * FailoverPolicy's namespace is admitted in the member data centers first.
   */
  public <T extends HasMetadata> T apply(T object) {
    if (object instanceof FailoverPolicy policy) {
      admitWorkloadNamespace(policy.getMetadata().getNamespace());
    }
    return ServerSideApply.apply(hub(), object);
  }

  /** Server-side applies every document of the YAML text to the hub, as {@link #apply} does. */
  public List<GenericKubernetesResource> applyYaml(String yaml) {
    List<GenericKubernetesResource> documents = RepositoryFiles.documents(yaml);
    documents.stream()
        .filter(document -> FAILOVER_POLICY.equals(document.getKind()))
        .map(document -> document.getMetadata().getNamespace())
        .forEach(this::admitWorkloadNamespace);
    return documents.stream().map(document -> ServerSideApply.apply(hub(), document)).toList();
  }

  /**
   * Lets the operator run chaos restore tests for this namespace's policies in every member data
   * center: the member chart's {@code restoreTests.enabled} (test namespaces {@code crt-*}).
   */
  public void enableRestoreTests(String namespace) {
    admitWorkloadNamespace(namespace);
    Set<String> admitted;
    synchronized (workloadNamespaces) {
      admitted = Set.copyOf(workloadNamespaces);
    }
    for (DataCenterPlan plan : plans) {
      members.install(testbed.dataCenter(plan.name()), admitted, true);
    }
  }

  /**
   * Lets the operator manage workloads in this namespace of every member data center (the chart
   * creates it there and binds the workload role in it). A data center that does not answer is
   * skipped with a warning: a test may apply a policy while one is down.
   */
  public void admitWorkloadNamespace(String namespace) {
    admitWorkloadNamespaces(Set.of(namespace));
  }

  /** As {@link #admitWorkloadNamespace}, for many namespaces with one chart install each. */
  public void admitWorkloadNamespaces(Collection<String> namespaces) {
    Set<String> admitted;
    synchronized (workloadNamespaces) {
      if (!workloadNamespaces.addAll(namespaces)) {
        return;
      }
      admitted = Set.copyOf(workloadNamespaces);
    }
    for (DataCenterPlan plan : plans) {
      try {
        members.install(testbed.dataCenter(plan.name()), admitted);
      } catch (KubernetesClientException e) {
        log.warn(
            "Could not admit namespaces {} in data center {}: {}",
            namespaces,
            plan.name(),
            e.getMessage());
      }
    }
  }

  /**
   * The namespace is being deleted: later admissions re-apply the member chart without it, so they
   * do not create it again.
   */
  public void releaseWorkloadNamespace(String namespace) {
    synchronized (workloadNamespaces) {
      workloadNamespaces.remove(namespace);
    }
  }

  /**
   * Deletes the namespace from the hub and every data center, released first (else the next
   * admitted namespace re-applies the member chart and brings it back), and waits until it is gone.
   *
   * @return what could not be removed, empty when all went
   */
  public List<String> removeWorkloadNamespace(String namespace) {
    releaseWorkloadNamespace(namespace);
    long started = System.nanoTime();
    List<String> problems = new java.util.ArrayList<>();
    Map<String, KubernetesClient> clusters = new java.util.LinkedHashMap<>();
    clusters.put(HUB, hub());
    plans.forEach(plan -> clusters.put(plan.name(), testbed.dataCenter(plan.name()).client()));
    clusters.forEach(
        (where, client) -> {
          try {
            NamespaceRemoval.begin(client, namespace);
          } catch (KubernetesClientException e) {
            problems.add("namespace " + namespace + " in " + where + ": " + e.getMessage());
          }
        });
    clusters.forEach(
        (where, client) -> {
          try {
            NamespaceRemoval.awaitGone(client, namespace, NAMESPACE_GONE_WITHIN);
          } catch (KubernetesClientException e) {
            problems.add("namespace " + namespace + " in " + where + ": " + e.getMessage());
          }
        });
    log.info(
        "Namespace {} removed from {} in {} ms",
        namespace,
        clusters.keySet(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return problems;
  }

  /** Waits until the DataCenter's {@code status.phase} is {@code phase}; returns what it saw. */
  public DataCenter awaitDataCenterPhase(String name, DataCenterPhase phase, Duration timeout) {
    return awaitDataCenterPhaseIn(name, EnumSet.of(phase), timeout);
  }

  /**
   * Waits until the DataCenter's {@code status.phase} is one of {@code phases}; on timeout fails
   * with the last status seen and the newest operator's log tail.
   */
  public DataCenter awaitDataCenterPhaseIn(
      String name, Set<DataCenterPhase> phases, Duration timeout) {
    plan(name);
    return new DataCenterPhaseWait(
            name, dataCenterResources().withName(name), this::operatorLogTail)
        .until(phases, timeout);
  }

  /**
   * The launch {@link #operator()} uses: the hub as the Helm chart's ServiceAccount, with exactly
   * the chart's RBAC ({@link HubIdentity}). Adjust it and pass it to {@link
   * #operator(OperatorLaunch)}.
   */
  public OperatorLaunch operatorLaunch() {
    return OperatorLaunch.against(operatorHubKubeconfig);
  }

  /** Starts the operator jar as its own process against this hub and waits until it is ready. */
  public OperatorProcess operator() {
    return operator(operatorLaunch());
  }

  public OperatorProcess operator(OperatorLaunch launch) {
    String name = "operator-" + OPERATORS_STARTED.incrementAndGet();
    OperatorProcess operator = OperatorProcess.start(testbed.layout(), name, launch);
    synchronized (operators) {
      operators.add(operator);
    }
    return operator;
  }

  /** Stops the operators, then deletes this world's DataCenter resources. Never throws. */
  @Override
  public void close() {
    List<OperatorProcess> started;
    synchronized (operators) {
      started = List.copyOf(operators);
    }
    started.forEach(OperatorProcess::close);
    try {
      deleteDataCenterResources();
    } catch (RuntimeException e) {
      log.warn("Could not delete the DataCenter resources: {}", e.getMessage());
    }
  }

  private Secret kubeconfigSecret(DataCenterPlan plan) {
    String kubeconfig = members.kubeconfig(testbed.dataCenter(plan.name()));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(plan.secretName())
        .withNamespace(SECRETS_NAMESPACE)
        .endMetadata()
        .withType("Opaque")
        // data rather than stringData: stringData is write-only, so server-side apply cannot own
        // it.
        .addToData(
            KUBECONFIG_KEY,
            Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  /**
   * Deletes the DataCenters of this world's names. Their finalizers are dropped first: the operator
   * that would remove them is stopped (or another world's, long gone).
   */
  private void deleteDataCenterResources() {
    for (DataCenterPlan plan : plans) {
      Resource<DataCenter> resource = dataCenterResources().withName(plan.name());
      DataCenter existing = resource.get();
      if (existing == null) {
        continue;
      }
      if (!existing.getMetadata().getFinalizers().isEmpty()) {
        resource.edit(
            dataCenter -> {
              dataCenter.getMetadata().setFinalizers(List.of());
              return dataCenter;
            });
      }
      resource.delete();
      resource.waitUntilCondition(Objects::isNull, DELETE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private String operatorLogTail() {
    synchronized (operators) {
      if (operators.isEmpty()) {
        return "(no operator started by this world)";
      }
      OperatorProcess newest = operators.get(operators.size() - 1);
      return "last lines of " + newest.logFile() + ":\n" + newest.logTail(40);
    }
  }

  private MixedOperation<DataCenter, KubernetesResourceList<DataCenter>, Resource<DataCenter>>
      dataCenterResources() {
    return hub().resources(DataCenter.class);
  }

  private DataCenterPlan plan(String name) {
    return plans.stream()
        .filter(plan -> plan.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no data center "
                        + name
                        + " in this world; it has "
                        + plans.stream().map(DataCenterPlan::name).toList()));
  }
}
