package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The labels on every object the operator makes for a policy, in the data centers and in the hub,
 * so that {@code kubectl get deploy,svc -l failover.dev/policy-name=crm} finds them.
 */
public final class PolicyLabels {
  public static final String NAMESPACE = "failover.dev/policy-namespace";
  public static final String NAME = "failover.dev/policy-name";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  static final int MAX_VALUE_LENGTH = 63;
  private static final int HASH_LENGTH = 8;

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
   * A label value holds 63 characters but an object name 253. A longer name keeps its start, for
   * people, and ends with a hash of the whole name, so two long names that share a start differ.
   * Object names start and end alphanumeric, and so does the hash: the value stays valid.
   */
  static String labelValue(String name) {
    if (name.length() <= MAX_VALUE_LENGTH) {
      return name;
    }
    String start = name.substring(0, MAX_VALUE_LENGTH - HASH_LENGTH - 1);
    return start + "-" + sha256(name).substring(0, HASH_LENGTH);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
