package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events on a DataCenter, so that {@code kubectl describe datacenter} says when its credentials
 * stopped, or started again, being usable. A DataCenter is cluster-scoped, so its Events go into
 * {@code default}, as client-go does it. An Event that cannot be written is logged, never fatal.
 */
final class DataCenterEvents {
  private static final Logger log = LoggerFactory.getLogger(DataCenterEvents.class);
  private static final String NAMESPACE = "default";

  private final KubernetesClient hub;
  private final Clock clock;

  DataCenterEvents(KubernetesClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** A Warning when CredentialsValid turns False or changes its reason; Normal when it recovers. */
  void credentialsChanged(DataCenter dataCenter, DataCenterStatus before, DataCenterStatus after) {
    Optional<Condition> was = condition(before);
    Optional<Condition> now = condition(after);
    if (now.isEmpty()
        || was.filter(c -> sameState(c, now.get())).isPresent()
        || (was.isEmpty() && "True".equals(now.get().getStatus()))) {
      return;
    }
    Condition condition = now.get();
    boolean warning = "False".equals(condition.getStatus());
    emit(dataCenter, condition, warning);
  }

  private static boolean sameState(Condition a, Condition b) {
    return Objects.equals(a.getStatus(), b.getStatus())
        && Objects.equals(a.getReason(), b.getReason());
  }

  private static Optional<Condition> condition(DataCenterStatus status) {
    return status == null ? Optional.empty() : status.condition(ConditionTypes.CREDENTIALS_VALID);
  }

  private void emit(DataCenter dataCenter, Condition condition, boolean warning) {
    String name = dataCenter.getMetadata().getName();
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    // Named by the transition, so a retried reconcile writes the same Event rather than a second.
    long since =
        Optional.ofNullable(condition.getLastTransitionTime())
            .map(Instant::parse)
            .orElse(clock.instant())
            .getEpochSecond();
    String eventName = name + "." + condition.getReason().toLowerCase(Locale.ROOT) + "." + since;
    log.info("datacenter {} {}: {}", name, condition.getReason(), condition.getMessage());
    try {
      hub.v1()
          .events()
          .inNamespace(NAMESPACE)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(eventName)
                  .withNamespace(NAMESPACE)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(dataCenter.getApiVersion())
                          .withKind(dataCenter.getKind())
                          .withName(name)
                          .withUid(dataCenter.getMetadata().getUid())
                          .build())
                  .withReason(condition.getReason())
                  .withMessage(condition.getMessage())
                  .withType(warning ? "Warning" : "Normal")
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent("failover-operator")
                  .endSource()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        log.warn(
            "cannot record Event {} on datacenter {}: {}",
            condition.getReason(),
            name,
            e.getCode());
      }
    }
  }
}
