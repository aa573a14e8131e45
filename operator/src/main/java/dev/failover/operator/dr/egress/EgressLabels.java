package dev.failover.operator.dr.egress;

import dev.failover.api.v1alpha1.failoverpolicy.EgressMode;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.ShortName;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the objects disaster-recovery mode adds are named and found again: the policy's labels plus
 * {@value #POSTURE}, which nothing else carries. Leaving lists by all three labels and deletes what
 * it finds, so a customer's NetworkPolicy, and one the policy's own manifests declare (which has
 * the policy's labels but not this one), are never touched.
 */
final class EgressLabels {
  static final String POSTURE = "failover.dev/dr-egress";

  private static final int NAME_MAX_LENGTH = 253;
  private static final String PREFIX = "dr-egress-";

  private EgressLabels() {}

  static Map<String, String> of(FailoverPolicy policy, EgressMode mode) {
    Map<String, String> labels = new LinkedHashMap<>(PolicyLabels.of(policy));
    labels.put(POSTURE, mode.name());
    return labels;
  }

  /** The labels every object of this policy's postures has, whatever the posture. */
  static Map<String, String> ofAnyPosture(FailoverPolicy policy) {
    return Map.of(
        PolicyLabels.NAMESPACE, policy.getMetadata().getNamespace(),
        PolicyLabels.NAME, PolicyLabels.labelValue(policy.getMetadata().getName()));
  }

  /** dr-egress-deployment-web: one object per selected workload object. */
  static String name(PodSelection selection) {
    return ShortName.of(
        PREFIX + selection.kind().toLowerCase(Locale.ROOT) + "-" + selection.name(),
        NAME_MAX_LENGTH);
  }
}
