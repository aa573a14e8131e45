package dev.failover.operator.status;

import dev.failover.api.v1alpha1.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that writes conditions and {@code observedGeneration}. A condition keeps its {@code
 * lastTransitionTime} while its status stays the same, so kstatus tools and people see when
 * something actually changed, not when the operator last looked.
 */
public final class StatusConditions {
  private StatusConditions() {}

  public static void observed(ConditionedStatus status, Long generation) {
    status.setObservedGeneration(generation);
  }

  /**
   * Sets the condition of this type on {@code status}, carrying over its transition time from
   * {@code previous} when the status value did not change.
   */
  public static void set(
      ConditionedStatus status,
      ConditionedStatus previous,
      String type,
      boolean isTrue,
      String reason,
      String message,
      Instant now) {
    String value = isTrue ? "True" : "False";
    Optional<Condition> before = previous == null ? Optional.empty() : previous.condition(type);
    String transitionTime =
        before
            .filter(condition -> value.equals(condition.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
    Condition condition =
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(status.getObservedGeneration())
            .withLastTransitionTime(transitionTime)
            .build();
    List<Condition> conditions =
        new ArrayList<>(status.getConditions() == null ? List.of() : status.getConditions());
    conditions.removeIf(existing -> type.equals(existing.getType()));
    conditions.add(condition);
    conditions.sort(java.util.Comparator.comparing(Condition::getType));
    status.setConditions(conditions);
  }
}
