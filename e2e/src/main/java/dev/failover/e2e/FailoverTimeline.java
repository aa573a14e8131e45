package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.testbed.Sleep;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that happens to one policy, as it happens: its status, its DNSEndpoint and Events in
 * the hub, the DataCenters' status, and its Deployment in every data center, each recorded from a
 * watch with the moment it arrived. Nothing is polled, so no state in between two polls is missed:
 * a Deployment scaled to zero and back within a second shows as both changes.
 *
 * <p>Order: every record gets a sequence number when it arrives. Records from the hub also carry
 * the hub's resourceVersion, and since the hub has one etcd, {@link Observed#revision()} orders hub
 * records exactly, whatever watch they came through. A data center's own records are exactly
 * ordered among themselves by their revision too. Across clusters only arrival order is known.
 *
 * <p>A data center's watch must be {@linkplain #disconnect disconnected} before the data center is
 * stopped or frozen, and {@linkplain #reconnect reconnected} once it answers again. A restarted API
 * server cannot resume a watch from before its restart ("too old resource version"), so the new
 * watch starts with the Deployment as it is then (an ADDED record): what changed while the watch
 * was away shows only as its net effect. A test that must see every change keeps everyone else away
 * from the data center until it has reconnected, e.g. by {@code cut()}ting its proxy.
 */
public final class FailoverTimeline implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FailoverTimeline.class);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Duration OPEN_WATCH_TIMEOUT = Duration.ofSeconds(10);
  private static final int TOO_MANY_REQUESTS = 429;

  /** One change as a watch delivered it. */
  public record Observed<T>(
      long seq, Instant receivedAt, String source, String action, String resourceVersion, T value) {
    /** The etcd revision of the change: orders records of one cluster exactly. */
    public long revision() {
      return Long.parseLong(resourceVersion);
    }
  }

  private final FailoverWorld world;
  private final String namespace;
  private final String policy;
  private final String deployment;
  private final Instant begin = Instant.now();
  private final AtomicLong sequence = new AtomicLong();
  private final Object lock = new Object();
  private final List<Observed<FailoverPolicyStatus>> statuses = new ArrayList<>();
  private final List<Observed<List<String>>> dns = new ArrayList<>();
  private final List<Observed<Event>> events = new ArrayList<>();
  private final Map<String, List<Observed<DataCenterStatus>>> dataCenters = new LinkedHashMap<>();
  private final Map<String, List<Observed<Deployment>>> deployments = new LinkedHashMap<>();
  private final Map<String, DeploymentWatch> deploymentWatches = new LinkedHashMap<>();
  private final List<Watch> hubWatches = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private volatile Supplier<String> diagnostics = () -> "";

  private FailoverTimeline(
      FailoverWorld world, String namespace, String policy, String deployment) {
    this.world = world;
    this.namespace = namespace;
    this.policy = policy;
    this.deployment = deployment;
  }

  /** Starts recording the policy and its Deployment in every data center of the world. */
  public static FailoverTimeline start(FailoverWorld world, PolicyDraft policy) {
    return start(world, policy.namespace(), policy.name(), policy.deployment());
  }

  public static FailoverTimeline start(
      FailoverWorld world, String namespace, String policy, String deployment) {
    FailoverTimeline timeline = new FailoverTimeline(world, namespace, policy, deployment);
    try {
      timeline.watchHub();
      for (DataCenterPlan plan : world.plans()) {
        timeline.deployments.put(plan.name(), new ArrayList<>());
        timeline.dataCenters.put(plan.name(), new ArrayList<>());
        DeploymentWatch watch = timeline.new DeploymentWatch(plan.name());
        timeline.deploymentWatches.put(plan.name(), watch);
        watch.open();
      }
      return timeline;
    } catch (RuntimeException e) {
      timeline.close();
      throw e;
    }
  }

  /** Appended to every failure message, e.g. the operator's log tail. */
  public FailoverTimeline withDiagnostics(Supplier<String> diagnostics) {
    this.diagnostics = diagnostics;
    return this;
  }

  /** Stops watching the data center's Deployment: call before it is stopped or frozen. */
  public void disconnect(String dataCenter) {
    watchOf(dataCenter).close();
  }

  /** Watches the data center's Deployment again, starting with its state now. */
  public void reconnect(String dataCenter) {
    DeploymentWatch watch = watchOf(dataCenter);
    watch.close();
    watch.open();
  }

  public List<Observed<FailoverPolicyStatus>> statuses() {
    return copy(statuses);
  }

  public List<Observed<List<String>>> dns() {
    return copy(dns);
  }

  public List<Observed<Event>> events() {
    return copy(events);
  }

  public List<Observed<Event>> events(String reason) {
    return events().stream().filter(e -> reason.equals(e.value().getReason())).toList();
  }

  public List<Observed<DataCenterStatus>> dataCenter(String name) {
    synchronized (lock) {
      return List.copyOf(existing(dataCenters, name));
    }
  }

  public List<Observed<Deployment>> deployment(String dataCenter) {
    synchronized (lock) {
      return List.copyOf(existing(deployments, dataCenter));
    }
  }

  /** Watches that ended for good (they normally reconnect by themselves); empty when none did. */
  public List<String> problems() {
    synchronized (lock) {
      return List.copyOf(problems);
    }
  }

  /** The sequence number of the newest record so far; later records have greater ones. */
  public long mark() {
    return sequence.get();
  }

  /** The first status that matches; waits for it. */
  public Observed<FailoverPolicyStatus> awaitStatus(
      String what, Predicate<FailoverPolicyStatus> condition, Duration timeout) {
    return awaitStatus(what, 0, condition, timeout);
  }

  /** The first status after the mark {@code after} that matches; waits for it. */
  public Observed<FailoverPolicyStatus> awaitStatus(
      String what, long after, Predicate<FailoverPolicyStatus> condition, Duration timeout) {
    return await("status " + what, () -> statuses, after, condition, timeout);
  }

  /** The first Event of this reason on the policy; waits for it. */
  public Observed<Event> awaitEvent(String reason, Duration timeout) {
    return awaitEvent(reason, 0, timeout);
  }

  /** The first Event of this reason on the policy after the mark {@code after}; waits for it. */
  public Observed<Event> awaitEvent(String reason, long after, Duration timeout) {
    return await(
        "Event " + reason, () -> events, after, e -> reason.equals(e.getReason()), timeout);
  }

  /** The first DNS record state that matches; waits for it. */
  public Observed<List<String>> awaitDns(
      String what, Predicate<List<String>> condition, Duration timeout) {
    return awaitDns(what, 0, condition, timeout);
  }

  /** The first DNS record state after the mark {@code after} that matches; waits for it. */
  public Observed<List<String>> awaitDns(
      String what, long after, Predicate<List<String>> condition, Duration timeout) {
    return await("DNS " + what, () -> dns, after, condition, timeout);
  }

  /** The first Deployment state in the data center that matches; waits for it. */
  public Observed<Deployment> awaitDeployment(
      String dataCenter, String what, Predicate<Deployment> condition, Duration timeout) {
    return awaitDeployment(dataCenter, what, 0, condition, timeout);
  }

  /** The first Deployment state after the mark {@code after} that matches; waits for it. */
  public Observed<Deployment> awaitDeployment(
      String dataCenter,
      String what,
      long after,
      Predicate<Deployment> condition,
      Duration timeout) {
    return await(
        "Deployment in " + dataCenter + " " + what,
        () -> existing(deployments, dataCenter),
        after,
        d -> d != null && condition.test(d),
        timeout);
  }

  /** The first DataCenter status after the mark {@code after} that matches; waits for it. */
  public Observed<DataCenterStatus> awaitDataCenter(
      String name,
      String what,
      long after,
      Predicate<DataCenterStatus> condition,
      Duration timeout) {
    return await(
        "DataCenter " + name + " " + what,
        () -> existing(dataCenters, name),
        after,
        s -> s != null && condition.test(s),
        timeout);
  }

  /** A failure message: what was awaited or asserted, the timeline and the diagnostics. */
  public String explain(String what) {
    return what + "\n" + describe() + "\n" + diagnostics.get();
  }

  /** Every record in arrival order, one line each, with seconds since the timeline started. */
  public String describe() {
    List<Observed<?>> all = new ArrayList<>();
    synchronized (lock) {
      all.addAll(statuses);
      all.addAll(dns);
      all.addAll(events);
      dataCenters.values().forEach(all::addAll);
      deployments.values().forEach(all::addAll);
      all.sort(Comparator.comparingLong(Observed::seq));
      StringBuilder text = new StringBuilder("timeline of " + namespace + "/" + policy + ":\n");
      for (Observed<?> observed : all) {
        text.append(
                String.format(
                    "  +%7.3fs #%-4d rv=%-6s %-22s %s",
                    Duration.between(begin, observed.receivedAt()).toMillis() / 1000.0,
                    observed.seq(),
                    observed.resourceVersion(),
                    observed.source() + " " + observed.action(),
                    summary(observed.value())))
            .append('\n');
      }
      problems.forEach(problem -> text.append("  problem: ").append(problem).append('\n'));
      return text.toString();
    }
  }

  @Override
  public void close() {
    deploymentWatches.values().forEach(DeploymentWatch::close);
    synchronized (hubWatches) {
      hubWatches.forEach(Watch::close);
      hubWatches.clear();
    }
  }

  /** Whether the Deployment is Available at its full size for its latest spec. */
  public static boolean available(Deployment deployment) {
    if (deployment == null || deployment.getSpec() == null || deployment.getStatus() == null) {
      return false;
    }
    int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    DeploymentStatus status = deployment.getStatus();
    Long generation = deployment.getMetadata().getGeneration();
    return wanted > 0
        && status.getObservedGeneration() != null
        && (generation == null || status.getObservedGeneration() >= generation)
        && Objects.requireNonNullElse(status.getAvailableReplicas(), 0) >= wanted
        && status.getConditions() != null
        && status.getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** spec.replicas; -1 for no Deployment. */
  public static int replicas(Deployment deployment) {
    return deployment == null || deployment.getSpec() == null
        ? -1
        : Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
  }

  private void watchHub() {
    var hub = world.hub();
    hubWatches.add(
        opened(
            () ->
                hub.resources(FailoverPolicy.class)
                    .inNamespace(namespace)
                    .withName(policy)
                    .watch(
                        new Recorder<FailoverPolicy>("policy") {
                          @Override
                          void record(Watcher.Action action, FailoverPolicy resource) {
                            add(
                                statuses,
                                "policy",
                                action,
                                resource,
                                resource.getStatus() == null
                                    ? new FailoverPolicyStatus()
                                    : SERIALIZATION.clone(resource.getStatus()));
                          }
                        })));
    hubWatches.add(
        opened(
            () ->
                hub.genericKubernetesResources("externaldns.k8s.io/v1alpha1", "DNSEndpoint")
                    .inNamespace(namespace)
                    .withName(policy)
                    .watch(
                        new Recorder<GenericKubernetesResource>("dns") {
                          @Override
                          void record(Watcher.Action action, GenericKubernetesResource resource) {
                            add(
                                dns,
                                "dns",
                                action,
                                resource,
                                action == Watcher.Action.DELETED ? List.of() : targets(resource));
                          }
                        })));
    hubWatches.add(
        opened(
            () ->
                hub.v1()
                    .events()
                    .inNamespace(namespace)
                    .watch(
                        new Recorder<Event>("event") {
                          @Override
                          void record(Watcher.Action action, Event event) {
                            if (action == Watcher.Action.ADDED
                                && event.getInvolvedObject() != null
                                && "FailoverPolicy".equals(event.getInvolvedObject().getKind())
                                && policy.equals(event.getInvolvedObject().getName())) {
                              add(events, "event", action, event, event);
                            }
                          }
                        })));
    hubWatches.add(
        opened(
            () ->
                hub.resources(DataCenter.class)
                    .watch(
                        new Recorder<DataCenter>("datacenter") {
                          @Override
                          void record(Watcher.Action action, DataCenter dataCenter) {
                            String name = dataCenter.getMetadata().getName();
                            List<Observed<DataCenterStatus>> list;
                            synchronized (lock) {
                              list = dataCenters.get(name);
                            }
                            if (list != null) {
                              add(
                                  list,
                                  "dc " + name,
                                  action,
                                  dataCenter,
                                  dataCenter.getStatus() == null
                                      ? new DataCenterStatus()
                                      : SERIALIZATION.clone(dataCenter.getStatus()));
                            }
                          }
                        })));
  }

  /**
   * Opens a watch, trying again for a few seconds while the API server turns it away with 429 (a
   * cluster that has just started, or a busy one, does).
   */
  private static Watch opened(Supplier<Watch> open) {
    long deadline = System.nanoTime() + OPEN_WATCH_TIMEOUT.toNanos();
    while (true) {
      try {
        return open.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != TOO_MANY_REQUESTS && !String.valueOf(e.getMessage()).contains("429")
            || System.nanoTime() > deadline) {
          throw e;
        }
        log.info("Watch turned away ({}); trying again", e.getMessage());
        Sleep.of(Duration.ofMillis(250));
      }
    }
  }

  private <T> void add(
      List<Observed<T>> list, String source, Watcher.Action action, HasMetadata from, T value) {
    synchronized (lock) {
      list.add(
          new Observed<>(
              sequence.incrementAndGet(),
              Instant.now(),
              source,
              action.name(),
              from.getMetadata().getResourceVersion(),
              value));
      lock.notifyAll();
    }
  }

  private <T> Observed<T> await(
      String what,
      Supplier<List<Observed<T>>> source,
      long after,
      Predicate<T> condition,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        Optional<Observed<T>> found =
            source.get().stream()
                .filter(o -> o.seq() > after && condition.test(o.value()))
                .findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError(
        explain("no " + what + " after #" + after + " within " + timeout.toMillis() + " ms"));
  }

  private <T> List<Observed<T>> copy(List<Observed<T>> list) {
    synchronized (lock) {
      return List.copyOf(list);
    }
  }

  private <T> List<Observed<T>> existing(Map<String, List<Observed<T>>> byName, String name) {
    List<Observed<T>> list = byName.get(name);
    if (list == null) {
      throw new IllegalArgumentException("no data center " + name + " in " + byName.keySet());
    }
    return list;
  }

  private DeploymentWatch watchOf(String dataCenter) {
    DeploymentWatch watch = deploymentWatches.get(dataCenter);
    if (watch == null) {
      throw new IllegalArgumentException(
          "no data center " + dataCenter + " in " + deploymentWatches.keySet());
    }
    return watch;
  }

  @SuppressWarnings("unchecked")
  private static List<String> targets(GenericKubernetesResource record) {
    Object spec = record.getAdditionalProperties().get("spec");
    if (!(spec instanceof Map<?, ?> map) || !(map.get("endpoints") instanceof List<?> endpoints)) {
      return List.of();
    }
    return endpoints.stream()
        .filter(Map.class::isInstance)
        .map(endpoint -> (Map<String, Object>) endpoint)
        .flatMap(
            endpoint ->
                endpoint.get("targets") instanceof List<?> targets
                    ? targets.stream().map(String::valueOf)
                    : Stream.empty())
        .toList();
  }

  private static String summary(Object value) {
    if (value instanceof FailoverPolicyStatus status) {
      FailoverRecord move = status.getInFlight();
      // Fields not set yet are left out: "active=null dns=null" reads like a fault.
      return "phase="
          + (status.getPhase() == null ? "Pending" : status.getPhase())
          + optional(" step=", status.getCurrentStep())
          + optional(" active=", status.getActiveDataCenter())
          + optional(" dns=", status.getDnsTarget())
          + (status.getAwaitingFence() == null || status.getAwaitingFence().isEmpty()
              ? ""
              : " awaitingFence=" + status.getAwaitingFence())
          + (move == null
              ? ""
              : " inFlight="
                  + move.getFrom()
                  + "->"
                  + move.getTo()
                  + "("
                  + move.getReason()
                  + ", started "
                  + move.getStartedAt()
                  + ")")
          + " history="
          + (status.getHistory() == null ? 0 : status.getHistory().size());
    }
    if (value instanceof DataCenterStatus status) {
      return "phase="
          + status.getPhase()
          + " since="
          + status.getLastTransitionTime()
          + " failures="
          + status.getConsecutiveFailures()
          + " successes="
          + status.getConsecutiveSuccesses()
          + " ("
          + status.getMessage()
          + ")";
    }
    if (value instanceof Deployment deployment) {
      DeploymentStatus status = deployment.getStatus();
      return "replicas="
          + replicas(deployment)
          + " available="
          + (status == null ? null : status.getAvailableReplicas())
          + " generation="
          + deployment.getMetadata().getGeneration()
          + "/"
          + (status == null ? null : status.getObservedGeneration())
          + (available(deployment) ? " Available" : "");
    }
    if (value instanceof Event event) {
      return event.getReason() + ": " + event.getMessage();
    }
    return String.valueOf(value);
  }

  private static String optional(String label, Object value) {
    return value == null ? "" : label + value;
  }

  /** Records every change a watch delivers; a watch that ends for good is a problem. */
  private abstract class Recorder<T extends HasMetadata> implements Watcher<T> {
    private final String source;

    Recorder(String source) {
      this.source = source;
    }

    abstract void record(Watcher.Action action, T resource);

    @Override
    public void eventReceived(Watcher.Action action, T resource) {
      if (action == Watcher.Action.BOOKMARK || action == Watcher.Action.ERROR) {
        return;
      }
      record(action, resource);
    }

    @Override
    public void onClose(WatcherException cause) {
      synchronized (lock) {
        problems.add(source + " watch ended: " + cause.getMessage());
        lock.notifyAll();
      }
      log.warn("{} watch of {}/{} ended", source, namespace, policy, cause);
    }
  }

  /** The policy's Deployment in one data center; reopened after the data center was away. */
  private final class DeploymentWatch {
    private final String dataCenter;
    private Watch watch;

    DeploymentWatch(String dataCenter) {
      this.dataCenter = dataCenter;
    }

    synchronized void open() {
      ListOptionsBuilder options =
          new ListOptionsBuilder().withFieldSelector("metadata.name=" + deployment);
      watch =
          opened(
              () ->
                  world
                      .dataCenter(dataCenter)
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace(namespace)
                      .watch(
                          options.build(),
                          new Recorder<Deployment>("deploy " + dataCenter) {
                            @Override
                            void record(Watcher.Action action, Deployment resource) {
                              add(
                                  existing(deployments, dataCenter),
                                  "deploy " + dataCenter,
                                  action,
                                  resource,
                                  action == Watcher.Action.DELETED ? null : resource);
                            }
                          }));
    }

    synchronized void close() {
      if (watch != null) {
        watch.close();
        watch = null;
      }
    }
  }
}
