package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a policy, so {@code kubectl describe} tells its story. */
public final class PolicyEvents {
  private static final Logger log = LoggerFactory.getLogger(PolicyEvents.class);

  private final KubernetesClient hub;
  private final Clock clock;

  public PolicyEvents(KubernetesClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  void emit(FailoverPolicy policy, String reason, String message, boolean warning) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = policy.getMetadata().getNamespace();
    log.info("{}/{} {}: {}", namespace, policy.getMetadata().getName(), reason, message);
    hub.v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(policy.getMetadata().getName() + "." + UUID.randomUUID())
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
  }
}
