package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.Exclusion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sets and clears {@code spec.exclusion} on a world's DataCenter, as a person would with kubectl: a
 * bounded exclusion (Zscaler's "exclude a data center for a while") or an indefinite drain. Only
 * that field changes; the rest of the spec stays as the world applied it.
 */
public final class DataCenterExclusions {
  private final FailoverWorld world;

  public DataCenterExclusions(FailoverWorld world) {
    this.world = world;
  }

  /** Excluded until {@code until} (whole seconds, RFC 3339), then re-admitted by itself. */
  public DataCenter excludeUntil(String dataCenter, Instant until, String reason) {
    Exclusion exclusion = new Exclusion();
    exclusion.setUntil(until.truncatedTo(ChronoUnit.SECONDS).toString());
    exclusion.setReason(reason);
    return set(dataCenter, exclusion);
  }

  /** Excluded until the exclusion is removed: every policy active there moves away. */
  public DataCenter drain(String dataCenter, String reason) {
    Exclusion exclusion = new Exclusion();
    exclusion.setReason(reason);
    return set(dataCenter, exclusion);
  }

  /** Removes the exclusion; does nothing if there is none or the DataCenter is gone. */
  public void clear(String dataCenter) {
    DataCenter current = world.dataCenterResource(dataCenter);
    if (current == null || current.getSpec().getExclusion() == null) {
      return;
    }
    set(dataCenter, null);
  }

  private DataCenter set(String dataCenter, Exclusion exclusion) {
    return world
        .hub()
        .resources(DataCenter.class)
        .withName(dataCenter)
        .edit(
            resource -> {
              resource.getSpec().setExclusion(exclusion);
              return resource;
            });
  }
}
