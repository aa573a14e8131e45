package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A manual failover or failback. The operator performs an action once per id and records the id in
 * status.lastHandledActionId; set a new id to ask again.
 */
@ValidationRule(
    value = "self.type != 'FailoverTo' || has(self.target)",
    fieldPath = ".target",
    message = "action.target is required when action.type is FailoverTo")
@ValidationRule(
    value = "self.type != 'Failback' || !has(self.target)",
    fieldPath = ".target",
    message =
        "action.target is not allowed when action.type is Failback: failback returns to placement.primary")
public class ManualAction {
  @Required
  @Pattern(ValuePatterns.IDENTIFIER)
  @Size(max = 63)
  @JsonPropertyDescription("Unique id of this request, e.g. drill-2026-11-23; a new id repeats it.")
  private String id;

  @Required
  @JsonPropertyDescription("FailoverTo or Failback.")
  private ActionType type;

  @Pattern(ValuePatterns.OBJECT_NAME)
  @Size(max = ValuePatterns.OBJECT_NAME_MAX_LENGTH)
  @JsonPropertyDescription("FailoverTo only: the DataCenter to fail over to.")
  private String target;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public ActionType getType() {
    return type;
  }

  public void setType(ActionType type) {
    this.type = type;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }
}
