package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Points a policy's traffic at a data center by publishing an external-dns DNSEndpoint in the hub,
 * next to the policy and named after it, so the DNS tooling users already run moves their traffic.
 * The policy owns the record: deleting the policy deletes it.
 *
 * <p>Where a record points is read from a watch of the operator's records ({@link #eventSource}),
 * not asked of the hub on every look: a GET per look was the hub's most frequent request, at rest
 * and in a failover storm. A record the operator just applied is read back as the hub answered the
 * apply, until the watch has it. A record someone else edits or deletes wakes its policy, which
 * puts it right at once. Without the watch (a publisher made outside the operator), the record is
 * read from the hub.
 */
public final class TrafficPublisher {
  private final KubernetesClient hub;

  private volatile InformerEventSource<GenericKubernetesResource, FailoverPolicy> records;

  public TrafficPublisher(KubernetesClient hub) {
    this.hub = hub;
  }

  /**
   * Refuses a hub that does not serve the record's kind, before anything starts: every policy
   * publishes one, and the watch could not start. A clear message instead of an informer's 404.
   */
  public static void requireServedBy(KubernetesClient hub) {
    if (!hub.supports(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)) {
      throw new IllegalStateException(
          "the hub does not serve "
              + DnsEndpointRecord.KIND
              + " ("
              + DnsEndpointRecord.API_VERSION
              + "): install external-dns's CRD dnsendpoints.externaldns.k8s.io in the hub; the"
              + " operator publishes each policy's traffic as a DNSEndpoint");
    }
  }

  /**
   * The watch of the operator's records (by its managed-by label), kept without managedFields. An
   * edit wakes the policy only when the record's content changed, not on metadata alone.
   */
  public InformerEventSource<GenericKubernetesResource, FailoverPolicy> eventSource(
      EventSourceContext<FailoverPolicy> context) {
    records =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(
                    new GroupVersionKind(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND),
                    FailoverPolicy.class)
                .withName("dnsendpoints")
                .withLabelSelector(PolicyLabels.MANAGED_BY + "=" + ServerSideApply.FIELD_MANAGER)
                // Named and placed like its policy.
                .withSecondaryToPrimaryMapper(record -> Set.of(ResourceID.fromResource(record)))
                .withOnUpdateFilter((after, before) -> !sameContent(before, after))
                .withItemStore(new TransformingItemStore<>(WithoutManagedFields::strip))
                .build(),
            context);
    return records;
  }

  /**
   * Points the record at the data center's ingress address. Unchanged content writes nothing. The
   * API server answers the apply with the record as stored; the watch serves that answer until it
   * has the record itself, so the next look reads back what the hub holds.
   */
  public void publish(FailoverPolicy policy, DataCenter dataCenter) {
    GenericKubernetesResource stored =
        ServerSideApply.apply(hub, DnsEndpointRecord.pointingAt(policy, dataCenter));
    InformerEventSource<GenericKubernetesResource, FailoverPolicy> watched = records;
    if (watched != null) {
      ResourceID id = ResourceID.fromResource(stored);
      Optional<GenericKubernetesResource> previous = watched.get(id);
      if (previous.isPresent()) {
        watched.handleRecentResourceUpdate(id, stored, previous.get());
      } else {
        watched.handleRecentResourceCreate(id, stored);
      }
    }
  }

  /**
   * The data center the record points at now; empty when there is none, or when its content no
   * longer matches what {@link #publish} wrote (edited, or the policy's DNS name changed).
   */
  public Optional<String> currentTarget(FailoverPolicy policy) {
    return stored(policy).flatMap(record -> DnsEndpointRecord.dataCenterOf(record, policy));
  }

  private Optional<GenericKubernetesResource> stored(FailoverPolicy policy) {
    InformerEventSource<GenericKubernetesResource, FailoverPolicy> watched = records;
    if (watched != null) {
      return watched.get(ResourceID.fromResource(policy));
    }
    return Optional.ofNullable(
        hub.genericKubernetesResources(DnsEndpointRecord.API_VERSION, DnsEndpointRecord.KIND)
            .inNamespace(policy.getMetadata().getNamespace())
            .withName(policy.getMetadata().getName())
            .get());
  }

  /**
   * Whether two versions of a record say the same: spec, labels and annotations. The specs are
   * compared as JSON, so a number read as an int in one and a long in the other is the same.
   */
  static boolean sameContent(GenericKubernetesResource before, GenericKubernetesResource after) {
    return Serialization.asJson(before.getAdditionalProperties().get("spec"))
            .equals(Serialization.asJson(after.getAdditionalProperties().get("spec")))
        && Objects.equals(labels(before), labels(after))
        && Objects.equals(annotations(before), annotations(after));
  }

  private static Object labels(HasMetadata object) {
    return object.getMetadata() == null ? null : object.getMetadata().getLabels();
  }

  private static Object annotations(HasMetadata object) {
    return object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
  }
}
