package dev.failover.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Objects;

/** Patches a status only when it differs from what is stored, so idle reconciles write nothing. */
public final class StatusPatches {
  private StatusPatches() {}

  public static <P extends HasMetadata> UpdateControl<P> patchIfChanged(
      P resource, Object storedStatus, Object desiredStatus) {
    if (!differs(storedStatus, desiredStatus)) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(resource);
  }

  /** Whether the desired status differs from the stored one, compared as JSON trees. */
  public static boolean differs(Object storedStatus, Object desiredStatus) {
    return !Objects.equals(tree(storedStatus), tree(desiredStatus));
  }

  private static Object tree(Object status) {
    return status == null ? null : Serialization.jsonMapper().valueToTree(status);
  }
}
