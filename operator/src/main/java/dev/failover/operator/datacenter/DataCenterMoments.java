package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;

/**
 * A data center's status changed; people outside the cluster may need to hear of it (the
 * notifications' outbox: excluded and re-admitted). Called before the status is written, so a
 * retried reconcile calls it again with the same transition: an implementation treats the same
 * occurrence as one.
 */
public interface DataCenterMoments {
  DataCenterMoments NONE = (dataCenter, before, after) -> {};

  void statusChanged(DataCenter dataCenter, DataCenterStatus before, DataCenterStatus after);
}
