package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import java.util.Objects;

/**
 * Which changes of a DataCenter wake the policies that list it: its spec (an exclusion, its
 * address), its phase and when that last changed, whether it answers at all, its deletion. Not the
 * figures the status refreshes every few seconds (latency, error rate, counters, capacity): a
 * policy reads them from the cache when it decides, and waking every policy of every data center at
 * each refresh made a thousand policies reconcile every three seconds for nothing.
 */
final class DataCenterNews {
  private DataCenterNews() {}

  static boolean mattersToPolicies(DataCenter before, DataCenter after) {
    return !Objects.equals(
            before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
        || !Objects.equals(
            before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())
        || !Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
        || !Objects.equals(phase(before), phase(after))
        || !Objects.equals(transition(before), transition(after))
        || answers(before) != answers(after);
  }

  private static Object phase(DataCenter dataCenter) {
    DataCenterStatus status = dataCenter.getStatus();
    return status == null ? null : status.getPhase();
  }

  private static String transition(DataCenter dataCenter) {
    DataCenterStatus status = dataCenter.getStatus();
    return status == null ? null : status.getLastTransitionTime();
  }

  /** As {@link DataCenterViews} reads it: at least one probe in a row succeeded. */
  private static boolean answers(DataCenter dataCenter) {
    DataCenterStatus status = dataCenter.getStatus();
    return status != null
        && status.getConsecutiveSuccesses() != null
        && status.getConsecutiveSuccesses() > 0;
  }
}
