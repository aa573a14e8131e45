package dev.failover.e2e.demo;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTestPhase;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.e2e.FailoverWorld;
import dev.failover.e2e.PolicyWatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Polls the data centers' phases and one policy's progress, and puts every change on the timeline,
 * so a person watching sees the story without reading logs.
 */
final class WorldWatcher implements AutoCloseable {
  private final FailoverWorld world;
  private final PolicyWatch policy;
  private final Timeline timeline;
  private final Map<String, String> lastSeen = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  WorldWatcher(FailoverWorld world, PolicyWatch policy, Timeline timeline) {
    this.world = world;
    this.policy = policy;
    this.timeline = timeline;
    this.thread = new Thread(this::loop, "demo-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        poll();
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The hub is local and stays up; a failed read is retried on the next poll.
      }
    }
  }

  private void poll() {
    for (DataCenter dataCenter : world.hub().resources(DataCenter.class).list().getItems()) {
      String name = dataCenter.getMetadata().getName();
      String phase =
          dataCenter.getStatus() == null || dataCenter.getStatus().getPhase() == null
              ? "Pending"
              : dataCenter.getStatus().getPhase().name();
      changed("dc/" + name, phase, "data center " + name + " is " + phase + message(dataCenter));
    }
    for (String dataCenter : List.of("toronto", "chicago", "washington")) {
      String replicas = replicas(dataCenter);
      changed(
          "replicas/" + dataCenter,
          replicas,
          dataCenter + ": crm-web has " + replicas + " replicas");
    }
    for (ChaosRestoreTest test :
        world.hub().resources(ChaosRestoreTest.class).inNamespace("shop").list().getItems()) {
      String name = test.getMetadata().getName();
      changed(
          "crt/" + name,
          restoreTest(test.getStatus()),
          "restore test " + name + ": " + restoreTest(test.getStatus()));
    }
    policy
        .status()
        .ifPresent(
            status -> {
              changed("policy", describe(status), "policy crm: " + describe(status));
              List<String> targets = policy.dnsTargets();
              changed("dns", String.valueOf(targets), dnsLine(targets));
            });
  }

  /** Unknown while the data center is down: that is not a change of its workload. */
  private String replicas(String dataCenter) {
    try {
      int replicas = policy.replicas(dataCenter, "crm-web");
      return replicas < 0 ? "no" : String.valueOf(replicas);
    } catch (RuntimeException unreachable) {
      return lastSeen.getOrDefault("replicas/" + dataCenter, "unknown");
    }
  }

  private static String message(DataCenter dataCenter) {
    String message = dataCenter.getStatus() == null ? null : dataCenter.getStatus().getMessage();
    return message == null ? "" : " (" + message + ")";
  }

  /** E.g. "Active in toronto", "FailingOver in toronto, step PromoteTarget", "Pending". */
  static String describe(FailoverPolicyStatus status) {
    String phase = status.getPhase() == null ? "Pending" : status.getPhase().name();
    String where =
        status.getActiveDataCenter() == null ? "" : " in " + status.getActiveDataCenter();
    String step = status.getCurrentStep() == null ? "" : ", step " + status.getCurrentStep();
    List<String> fence = status.getAwaitingFence();
    String fencing =
        fence == null || fence.isEmpty() ? "" : ", awaiting fence of " + String.join(", ", fence);
    return phase + where + step + fencing;
  }

  /** E.g. "Running, step Faults (2 faults so far)", "Passed, promoted", "not started". */
  static String restoreTest(ChaosRestoreTestStatus status) {
    if (status == null || status.getPhase() == null) {
      return "not started";
    }
    StringBuilder line = new StringBuilder(status.getPhase().name());
    if (status.getPhase() == ChaosTestPhase.Running && status.getStep() != null) {
      line.append(", step ").append(status.getStep());
    }
    if (!status.getFaults().isEmpty() && status.getPhase() == ChaosTestPhase.Running) {
      line.append(" (").append(status.getFaults().size()).append(" fault(s) so far)");
    }
    if (Boolean.TRUE.equals(status.getPromoted())) {
      line.append(", promoted");
    }
    return line.toString();
  }

  /** Before the operator publishes it, the record does not exist: say so, not "[]". */
  static String dnsLine(List<String> targets) {
    return targets.isEmpty()
        ? "DNS record crm.shop.example not published yet"
        : "DNS record crm.shop.example now points at " + String.join(", ", targets);
  }

  private void changed(String key, String value, String line) {
    if (!Objects.equals(lastSeen.put(key, value), value)) {
      timeline.event(line);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
