package dev.failover.operator.status;

import dev.failover.api.v1alpha1.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * Events when a condition changes, so that {@code kubectl describe} says when, for example, a
 * DataCenter's credentials stopped or started again being usable, or a rider hit a license limit. A
 * Warning when the condition turns False or changes its reason, Normal when it recovers; a first
 * True says nothing. A cluster-scoped object's Events go into {@code default}, as client-go does
 * it. An Event that cannot be written is logged, never fatal.
 */
public final class ConditionEvents {
  private static final Logger log = LoggerFactory.getLogger(ConditionEvents.class);
  private static final String CLUSTER_SCOPED_NAMESPACE = "default";

  private final KubernetesClient hub;
  private final Clock clock;

  public ConditionEvents(KubernetesClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** Tells of a change of the condition {@code type} between the two statuses, if there was one. */
  public void changed(
      HasMetadata object, ConditionedStatus before, ConditionedStatus after, String type) {
    Optional<Condition> was = condition(before, type);
    Optional<Condition> now = condition(after, type);
    if (now.isEmpty()
        || was.filter(c -> sameState(c, now.get())).isPresent()
        || (was.isEmpty() && "True".equals(now.get().getStatus()))) {
      return;
    }
    Condition condition = now.get();
    // Named by the transition, so a retried reconcile writes the same Event rather than a second.
    long since =
        Optional.ofNullable(condition.getLastTransitionTime())
            .map(Instant::parse)
            .orElse(clock.instant())
            .getEpochSecond();
    emit(
        object,
        condition.getReason(),
        condition.getMessage(),
        "False".equals(condition.getStatus()),
        condition.getReason().toLowerCase(Locale.ROOT) + "." + since);
  }

  /**
   * A Warning Event that no condition carries, such as a security alert, named by {@code
   * occurrence} (lowercase, dots and dashes): the same occurrence told twice, by a retried or stale
   * reconcile, is one Event.
   *
   * @return false when the Event already existed: the occurrence was told before
   */
  public boolean warningOnce(HasMetadata object, String reason, String occurrence, String message) {
    return emit(object, reason, message, true, reason.toLowerCase(Locale.ROOT) + "." + occurrence);
  }

  /**
   * A Normal Event that no condition carries, named by {@code occurrence} as {@link #warningOnce}.
   */
  public boolean normalOnce(HasMetadata object, String reason, String occurrence, String message) {
    return emit(object, reason, message, false, reason.toLowerCase(Locale.ROOT) + "." + occurrence);
  }

  private static boolean sameState(Condition a, Condition b) {
    return Objects.equals(a.getStatus(), b.getStatus())
        && Objects.equals(a.getReason(), b.getReason());
  }

  private static Optional<Condition> condition(ConditionedStatus status, String type) {
    return status == null ? Optional.empty() : status.condition(type);
  }

  /** Returns false only when an Event of that name already existed. */
  private boolean emit(
      HasMetadata object, String reason, String message, boolean warning, String suffix) {
    String name = object.getMetadata().getName();
    String namespace =
        Optional.ofNullable(object.getMetadata().getNamespace()).orElse(CLUSTER_SCOPED_NAMESPACE);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String eventName = name + "." + suffix;
    log.info("{} {} {}: {}", object.getKind(), name, reason, message);
    try {
      hub.v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(eventName)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(object.getApiVersion())
                          .withKind(object.getKind())
                          .withName(name)
                          .withNamespace(object.getMetadata().getNamespace())
                          .withUid(object.getMetadata().getUid())
                          .build())
                  .withReason(reason)
                  .withMessage(message)
                  .withType(warning ? "Warning" : "Normal")
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent("failover-operator")
                  .endSource()
                  .build())
          .create();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return false;
      }
      log.warn("cannot record Event {} on {} {}: {}", reason, object.getKind(), name, e.getCode());
      return true;
    }
  }
}
