package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.ManagedObject;
import dev.failover.core.backup.ServerOwnedFields;
import dev.failover.operator.failoverpolicy.ManagedObjects;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads back what the operator applied for a policy in one data center ({@code
 * status.managedObjects}, else what the manifests declare), as the data center holds it now, with
 * the server-owned fields stripped. An object that is missing, or that is not the policy's (no
 * policy labels: someone else's), is left out.
 */
final class ManagedState {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ManagedState() {}

  static List<Map<String, Object>> read(KubernetesClient dataCenter, FailoverPolicy policy) {
    List<ManagedObject> managed =
        policy.getStatus() != null
                && policy.getStatus().getManagedObjects() != null
                && !policy.getStatus().getManagedObjects().isEmpty()
            ? policy.getStatus().getManagedObjects()
            : ManagedObjects.declared(policy);
    List<Map<String, Object>> objects = new ArrayList<>();
    for (ManagedObject object : managed) {
      GenericKubernetesResource current =
          dataCenter.resource(ManagedObjects.object(policy, object)).get();
      if (current == null || !PolicyLabels.isOwnedBy(current, policy)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> asMap = SERIALIZATION.convertValue(current, Map.class);
      objects.add(ServerOwnedFields.strip(asMap));
    }
    return objects;
  }
}
