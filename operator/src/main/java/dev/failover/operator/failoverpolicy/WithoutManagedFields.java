package dev.failover.operator.failoverpolicy;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Drops an object's managedFields before a cache keeps it: the API server's record of who set which
 * field is about as large as what the operator applied, and nothing in the operator reads it.
 */
public final class WithoutManagedFields {
  private WithoutManagedFields() {}

  public static <T extends HasMetadata> T strip(T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return object;
  }
}
