package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.ManagedObject;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a policy's objects from its data centers: the ones dropped from its manifests, or all of
 * them when the policy itself is deleted. Only objects carrying the policy's labels are deleted. A
 * data center that cannot be reached now (unreachable, unknown or failing the delete) is reported,
 * so the caller can keep the work for later.
 */
final class WorkloadRemoval {
  private static final Logger log = LoggerFactory.getLogger(WorkloadRemoval.class);

  private final WorkloadAppliers appliers;
  private final Clock clock;

  WorkloadRemoval(WorkloadAppliers appliers, Clock clock) {
    this.appliers = appliers;
    this.clock = clock;
  }

  /**
   * @param dataCenters every data center that may hold the objects, by name; an absent value is a
   *     name with no DataCenter (deleted), which can never be reached again
   * @return where the objects may still exist
   */
  Outcome remove(
      FailoverPolicy policy,
      List<ManagedObject> objects,
      Map<String, Optional<DataCenter>> dataCenters) {
    List<String> notReached = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    if (objects.isEmpty()) {
      return new Outcome(notReached, gone);
    }
    var toDelete = objects.stream().map(object -> ManagedObjects.object(policy, object)).toList();
    dataCenters.forEach(
        (name, dataCenter) -> {
          if (dataCenter.isEmpty()) {
            gone.add(name);
            return;
          }
          Optional<WorkloadApplier> applier =
              dataCenter
                  .filter(found -> DataCenterViews.view(found, clock.instant()).reachable())
                  .flatMap(appliers::in);
          if (applier.isEmpty()) {
            notReached.add(name);
            return;
          }
          try {
            applier.get().remove(policy, toDelete);
          } catch (KubernetesClientException e) {
            log.debug(
                "{}: cannot delete in {} yet: {}",
                policy.getMetadata().getName(),
                name,
                e.getMessage());
            notReached.add(name);
          }
        });
    return new Outcome(notReached, gone);
  }

  /**
   * @param notReached data centers that exist but could not be reached now: try again later
   * @param gone names without a DataCenter: the operator has no way to reach them any more
   */
  record Outcome(List<String> notReached, List<String> gone) {}
}
