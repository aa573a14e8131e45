package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

/**
 * The policy informer's store, keeping policies without their managedFields: the field sets of the
 * embedded manifests and of the status the operator applies are about as large as the policy
 * itself, and nothing reads them.
 */
public final class PoliciesWithoutManagedFields extends TransformingItemStore<FailoverPolicy> {
  public PoliciesWithoutManagedFields() {
    super(WithoutManagedFields::strip);
  }
}
