package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.BackupService;
import dev.failover.api.v1alpha1.common.FailoverPlan;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.api.v1alpha1.failoverpolicy.RiderRef;
import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.paasrider.PaasRider;
import dev.failover.api.v1alpha1.saasrider.SaasRider;
import dev.failover.core.DurationText;
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.rider.ApplicationLicense.RiderPolicy;
import dev.failover.core.rider.FailoverPlanChecks;
import dev.failover.operator.failoverpolicy.LicenseGate;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rider's application limits, judged for a policy: its type must be one the license allows, and
 * it must be among the oldest policies the license allows under the rider. The riders are watched,
 * so a changed license wakes the policies that name the rider; the same watch answers the rider
 * reads of a policy's placement ({@link RiderGrantsBeforePlacement}).
 */
public final class RiderLicenseGate implements LicenseGate, RiderReads {
  private InformerEventSource<SaasRider, FailoverPolicy> saas;
  private InformerEventSource<PaasRider, FailoverPolicy> paas;
  private InformerEventSource<IaasRider, FailoverPolicy> iaas;

  @Override
  public List<EventSource<?, FailoverPolicy>> eventSources(
      EventSourceContext<FailoverPolicy> context) {
    saas = source(SaasRider.class, RiderKind.SaasRider, context);
    paas = source(PaasRider.class, RiderKind.PaasRider, context);
    iaas = source(IaasRider.class, RiderKind.IaasRider, context);
    return List.of(saas, paas, iaas);
  }

  @Override
  public Optional<SaasRider> saas(String namespace, String name) {
    return prepared(saas).get(new ResourceID(name, namespace));
  }

  @Override
  public Optional<PaasRider> paas(String namespace, String name) {
    return prepared(paas).get(new ResourceID(name, namespace));
  }

  @Override
  public Optional<IaasRider> iaas(String namespace, String name) {
    return prepared(iaas).get(new ResourceID(name, namespace));
  }

  private static <R extends CustomResource<?, ?>> InformerEventSource<R, FailoverPolicy> prepared(
      InformerEventSource<R, FailoverPolicy> source) {
    if (source == null) {
      throw new IllegalStateException("the rider watches are not prepared yet");
    }
    return source;
  }

  @Override
  public Optional<Refusal> check(FailoverPolicy policy, Stream<FailoverPolicy> namespace) {
    RiderRef ref = policy.getSpec().getRiderRef();
    Optional<RiderTerms> rider = rider(policy.getMetadata().getNamespace(), ref);
    if (rider.isEmpty()) {
      return Optional.empty();
    }
    List<RiderPolicy> underRider =
        namespace
            .filter(other -> other.getMetadata().getDeletionTimestamp() == null)
            .filter(other -> sameRider(other.getSpec().getRiderRef(), ref))
            .map(RiderLicenseGate::asRiderPolicy)
            .collect(Collectors.toList());
    RiderPolicy self = asRiderPolicy(policy);
    if (!underRider.contains(self)) {
      underRider.add(self);
    }
    return rider
        .get()
        .applications()
        .check(self, underRider, rider.get().describe())
        .map(refusal -> new Refusal(refusal.reason(), refusal.message()));
  }

  @Override
  public Optional<Duration> maxFailoverTime(FailoverPolicy policy) {
    return failoverPlan(policy).map(FailoverPlan::getMaxFailoverTime).map(DurationText::parse);
  }

  @Override
  public Optional<FailoverPlanChecks.Sla> sla(FailoverPolicy policy) {
    return failoverPlan(policy).flatMap(plan -> RiderPlanReader.plan(plan).sla());
  }

  /** The backup service of the policy's rider's failover plan, if it states one. */
  public Optional<BackupService> backupService(FailoverPolicy policy) {
    return failoverPlan(policy).map(FailoverPlan::getBackupService);
  }

  /** The failover plan of the policy's rider, as the rider informers have it. */
  private Optional<? extends FailoverPlan> failoverPlan(FailoverPolicy policy) {
    RiderRef ref = policy.getSpec().getRiderRef();
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return Optional.empty();
    }
    ResourceID id = new ResourceID(ref.getName(), policy.getMetadata().getNamespace());
    return switch (ref.getKind()) {
      case SaasRider -> saas.get(id).map(r -> r.getSpec().getFailoverPlan());
      case PaasRider -> paas.get(id).map(r -> r.getSpec().getFailoverPlan());
      case IaasRider -> iaas.get(id).map(r -> r.getSpec().getFailoverPlan());
    };
  }

  @Override
  public Optional<PoolAssignment> servicePools(FailoverPolicy policy) {
    RiderRef ref = policy.getSpec().getRiderRef();
    if (ref == null || ref.getKind() != RiderKind.PaasRider || ref.getName() == null) {
      return Optional.empty();
    }
    return paas.get(new ResourceID(ref.getName(), policy.getMetadata().getNamespace()))
        .map(RiderServicePools::of)
        .filter(pools -> !pools.isEmpty())
        .map(pools -> pools.assign(RiderServicePools.components(policy)));
  }

  /** A policy as the license counts it. */
  static RiderPolicy asRiderPolicy(FailoverPolicy policy) {
    String created = policy.getMetadata().getCreationTimestamp();
    return new RiderPolicy(
        policy.getMetadata().getName(),
        created == null ? Instant.MAX : OffsetDateTime.parse(created).toInstant(),
        policy.getSpec().getWorkload() == null
            ? null
            : policy.getSpec().getWorkload().getApplicationType());
  }

  static boolean sameRider(RiderRef a, RiderRef b) {
    return a != null
        && b != null
        && a.getKind() == b.getKind()
        && a.getName() != null
        && a.getName().equals(b.getName());
  }

  private Optional<RiderTerms> rider(String namespace, RiderRef ref) {
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return Optional.empty();
    }
    ResourceID id = new ResourceID(ref.getName(), namespace);
    return switch (ref.getKind()) {
      case SaasRider -> saas.get(id).map(RiderTerms::of);
      case PaasRider -> paas.get(id).map(RiderTerms::of);
      case IaasRider -> iaas.get(id).map(RiderTerms::of);
    };
  }

  /** A rider kind's informer; a rider wakes the policies of its namespace that name it. */
  private static <R extends CustomResource<?, ?>> InformerEventSource<R, FailoverPolicy> source(
      Class<R> type, RiderKind kind, EventSourceContext<FailoverPolicy> context) {
    Function<R, java.util.Set<ResourceID>> policiesOf =
        rider ->
            context
                .getPrimaryCache()
                .list(
                    policy ->
                        policy
                                .getMetadata()
                                .getNamespace()
                                .equals(rider.getMetadata().getNamespace())
                            && policy.getSpec().getRiderRef() != null
                            && policy.getSpec().getRiderRef().getKind() == kind
                            && rider
                                .getMetadata()
                                .getName()
                                .equals(policy.getSpec().getRiderRef().getName()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, FailoverPolicy.class)
            .withName("policy-" + kind.name())
            .withSecondaryToPrimaryMapper(policiesOf::apply)
            // A license changes with the spec; a status write changes nothing here.
            .withOnUpdateFilter(
                (updated, old) ->
                    !java.util.Objects.equals(
                        updated.getMetadata().getGeneration(), old.getMetadata().getGeneration()))
            .build(),
        context);
  }
}
