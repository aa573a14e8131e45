package dev.failover.e2e.bench;

import dev.failover.testbed.DataCenterCluster;

/** How a benchmark cuts a data center, and how it brings it back. */
enum CutKind {
  /** The control plane is stopped: every new connection is refused at once. */
  Refused {
    @Override
    void cut(DataCenterCluster dataCenter) {
      dataCenter.stop();
    }

    @Override
    void restore(DataCenterCluster dataCenter) {
      dataCenter.start();
    }
  },
  /** The API server is SIGSTOPped: connections open, nothing answers, probes time out. */
  Frozen {
    @Override
    void cut(DataCenterCluster dataCenter) {
      dataCenter.freeze();
    }

    @Override
    void restore(DataCenterCluster dataCenter) {
      dataCenter.thaw();
    }
  };

  abstract void cut(DataCenterCluster dataCenter);

  abstract void restore(DataCenterCluster dataCenter);
}
