package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on a policy, so {@code kubectl describe} tells its story, once.
 *
 * <p>An Event's name is deterministic: the policy, the resourceVersion of the persisted status the
 * decision started from, and the Event's reason (with a counter when one decision emits the same
 * reason twice). A decision retried from the same persisted state, after a crash between its Events
 * and its status write, creates the same names, and an Event that already exists counts as emitted.
 * Each emitting decision persists a new status, so the next story gets new names.
 *
 * <p>Events are reports, not steps: one that cannot be created is logged (condensed) and the
 * failover goes on.
 */
public final class PolicyEvents {
  private static final Logger log = LoggerFactory.getLogger(PolicyEvents.class);
  private static final int MAX_NAME = 253;

  private final KubernetesClient hub;
  private final Clock clock;

  public PolicyEvents(KubernetesClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** The Event name for the {@code ordinal}-th Event of this reason decided from {@code policy}. */
  static String name(FailoverPolicy policy, String reason, int ordinal) {
    String version = policy.getMetadata().getResourceVersion();
    String suffix =
        "."
            + (version == null ? "new" : version)
            + "."
            + reason.toLowerCase(Locale.ROOT)
            + (ordinal == 0 ? "" : "-" + ordinal);
    String policyName = policy.getMetadata().getName();
    int room = MAX_NAME - suffix.length();
    return (policyName.length() <= room ? policyName : policyName.substring(0, room)) + suffix;
  }

  /**
   * An Event outside a decision (deletion, a missing data center), named after the policy's current
   * resourceVersion, so a retry from the same version tells it once.
   */
  boolean emit(FailoverPolicy policy, String reason, String message, boolean warning) {
    return emit(policy, name(policy, reason, 0), reason, message, warning);
  }

  /** Returns whether the Event exists now (created, or created before by a retried decision). */
  boolean emit(FailoverPolicy policy, String name, String reason, String message, boolean warning) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = policy.getMetadata().getNamespace();
    try {
      hub.v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(policy.getApiVersion())
                          .withKind(policy.getKind())
                          .withName(policy.getMetadata().getName())
                          .withNamespace(namespace)
                          .withUid(policy.getMetadata().getUid())
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
      log.info("{}/{} {}: {}", namespace, policy.getMetadata().getName(), reason, message);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        log.debug("{}/{}: Event {} was emitted before", namespace, name, reason);
        return true;
      }
      log.warn(
          "{}/{}: could not emit Event {} ({}); the failover goes on",
          namespace,
          policy.getMetadata().getName(),
          reason,
          ActionErrors.condense(e));
      return false;
    } catch (RuntimeException e) {
      log.warn(
          "{}/{}: could not emit Event {} ({}); the failover goes on",
          namespace,
          policy.getMetadata().getName(),
          reason,
          ActionErrors.condense(e));
      return false;
    }
  }
}
