package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** A policy's identity in the probe loops' keys and in the wake-ups they send. */
record PolicyKey(String namespace, String name) {
  static PolicyKey of(FailoverPolicy policy) {
    return new PolicyKey(policy.getMetadata().getNamespace(), policy.getMetadata().getName());
  }

  ResourceID resourceId() {
    return new ResourceID(name, namespace);
  }

  /** The key of this policy's probe loop or lens in one data center. */
  String in(String dataCenter) {
    return namespace + "/" + name + "@" + dataCenter;
  }

  /** The inverse of {@link #in}. */
  static PolicyKey ofLoop(String loopKey) {
    int slash = loopKey.indexOf('/');
    int at = loopKey.lastIndexOf('@');
    return new PolicyKey(loopKey.substring(0, slash), loopKey.substring(slash + 1, at));
  }

  static String dataCenterOf(String loopKey) {
    return loopKey.substring(loopKey.lastIndexOf('@') + 1);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
