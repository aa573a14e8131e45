package dev.failover.core.failover;

import java.util.Objects;

/**
 * Something the reconciler should do. Every action is idempotent: doing it twice, or again after a
 * crash, has the effect of doing it once.
 */
public sealed interface FailoverAction {

  /** Apply the workload in the data center (server-side apply) at the given size. */
  record EnsureWorkload(String dataCenter, ReplicasMode replicas) implements FailoverAction {
    public EnsureWorkload {
      Objects.requireNonNull(dataCenter, "dataCenter");
      Objects.requireNonNull(replicas, "replicas");
    }
  }

  /** Delete the workload from the data center (a cold standby). */
  record RemoveWorkload(String dataCenter) implements FailoverAction {
    public RemoveWorkload {
      Objects.requireNonNull(dataCenter, "dataCenter");
    }
  }

  /** Point the policy's DNS record at the data center's address. */
  record PointTrafficAt(String dataCenter) implements FailoverAction {
    public PointTrafficAt {
      Objects.requireNonNull(dataCenter, "dataCenter");
    }
  }

  /**
   * Scale the workload in the data center to zero, if it is there, so it cannot act as a second
   * active. Unlike {@link EnsureWorkload} it never creates anything.
   */
  record Fence(String dataCenter) implements FailoverAction {
    public Fence {
      Objects.requireNonNull(dataCenter, "dataCenter");
    }
  }

  /** Add the record to the policy's history, unless an entry with its key is already there. */
  record RecordFailover(FailoverRecord record) implements FailoverAction {
    public RecordFailover {
      Objects.requireNonNull(record, "record");
    }
  }

  /** Emit a Kubernetes Event on the policy. */
  record Emit(EventReason reason, String message) implements FailoverAction {
    public Emit {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
