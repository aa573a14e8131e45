package dev.failover.core.workload;

/**
 * One manifest of a policy's workload, as far as the rules need it.
 *
 * @param position the manifest's index in spec.workload.manifests, for messages
 * @param apiVersion null when the manifest has none
 * @param kind null when the manifest has none
 * @param namespace the namespace the manifest names; null when it names none
 * @param name null when the manifest has no metadata.name (or no metadata)
 * @param replicas spec.replicas as written (a number, a string, anything); null when absent
 * @param hasSelector whether spec.selector is present
 */
public record DeclaredObject(
    int position,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    Object replicas,
    boolean hasSelector) {

  public GroupKind groupKind() {
    return GroupKind.of(apiVersion, kind);
  }

  /** Deployments and StatefulSets: the objects with replicas, on which availability is judged. */
  public boolean scalable() {
    GroupKind groupKind = groupKind();
    return "apps".equals(groupKind.group())
        && ("Deployment".equals(groupKind.kind()) || "StatefulSet".equals(groupKind.kind()));
  }

  /** How people find it in the policy: {@code manifests[2] (Deployment web)}. */
  public String shown() {
    return "spec.workload.manifests["
        + position
        + "]"
        + (kind == null && name == null
            ? ""
            : " (" + (kind == null ? "?" : kind) + " " + (name == null ? "?" : name) + ")");
  }
}
