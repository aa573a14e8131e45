package dev.failover.e2e;

import dev.failover.testbed.Sleep;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Kubernetes Events the operator wrote about one FailoverPolicy in the hub: {@code kubectl
 * describe}'s story, to count transitions and to wait for one.
 */
public final class PolicyEventLog {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KubernetesClient hub;
  private final String namespace;
  private final String name;

  public PolicyEventLog(FailoverWorld world, String namespace, String name) {
    this.hub = world.hub();
    this.namespace = namespace;
    this.name = name;
  }

  /** The policy's Events, oldest first (by creation time, to the second). */
  public List<Event> events() {
    return hub.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> event.getInvolvedObject() != null)
        .filter(event -> "FailoverPolicy".equals(event.getInvolvedObject().getKind()))
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .sorted(
            Comparator.comparing(
                    (Event event) ->
                        Optional.ofNullable(event.getMetadata().getCreationTimestamp()).orElse(""))
                .thenComparing(event -> event.getMetadata().getName()))
        .toList();
  }

  /** The Events with this reason, oldest first. */
  public List<Event> withReason(String reason) {
    return events().stream().filter(event -> reason.equals(event.getReason())).toList();
  }

  public int count(String reason) {
    return withReason(reason).size();
  }

  /**
   * Waits for an Event with this reason whose message contains {@code messagePart}; returns it. On
   * timeout fails with every Event of the policy.
   */
  public Event await(String reason, String messagePart, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<Event> found =
          withReason(reason).stream()
              .filter(event -> event.getMessage() != null)
              .filter(event -> event.getMessage().contains(messagePart))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no "
                + reason
                + " Event containing \""
                + messagePart
                + "\" on policy "
                + namespace
                + "/"
                + name
                + " within "
                + timeout
                + "; its Events:\n"
                + describe());
      }
      Sleep.of(POLL);
    }
  }

  /** One line per Event, oldest first: {@code reason: message}. */
  public String describe() {
    List<Event> events = events();
    return events.isEmpty()
        ? "  (none)"
        : events.stream()
            .map(event -> "  " + event.getReason() + ": " + event.getMessage())
            .collect(Collectors.joining("\n"));
  }
}
