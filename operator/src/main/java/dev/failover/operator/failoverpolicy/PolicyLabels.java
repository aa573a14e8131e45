package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.ShortName;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on every object the operator makes for a policy, in the data centers and in the hub,
 * so that {@code kubectl get deploy,svc -l failover.dev/policy-name=crm} finds them.
 */
public final class PolicyLabels {
  public static final String NAMESPACE = "failover.dev/policy-namespace";
  public static final String NAME = "failover.dev/policy-name";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  static final int MAX_VALUE_LENGTH = 63;

  private PolicyLabels() {}

  public static Map<String, String> of(FailoverPolicy policy) {
    return Map.of(
        NAMESPACE, policy.getMetadata().getNamespace(),
        NAME, labelValue(policy.getMetadata().getName()),
        MANAGED_BY, ServerSideApply.FIELD_MANAGER);
  }

  /** Whether the object carries this policy's labels: the operator made it for this policy. */
  public static boolean isOwnedBy(HasMetadata object, FailoverPolicy policy) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null
        && policy.getMetadata().getNamespace().equals(labels.get(NAMESPACE))
        && labelValue(policy.getMetadata().getName()).equals(labels.get(NAME));
  }

  /**
   * The policy an object's labels name. Its name is the label's value, which is the policy's name
   * unless that is longer than a label value may be (then it names no policy, and nothing is
   * found).
   */
  public static Optional<ResourceID> policyOf(Map<String, String> labels) {
    String namespace = labels.get(NAMESPACE);
    String name = labels.get(NAME);
    return namespace == null || name == null
        ? Optional.empty()
        : Optional.of(new ResourceID(name, namespace));
  }

  /** The name as a label value: see {@link ShortName}. */
  public static String labelValue(String name) {
    return ShortName.of(name, MAX_VALUE_LENGTH);
  }
}
