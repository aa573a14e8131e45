package dev.failover.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * Gives customer subjects tasks of a rider. Each rider subclasses this with its own task enum and a
 * CEL rule that rejects the rider's provider-only tasks with a message saying so.
 *
 * @param <T> the rider's task enum
 */
public abstract class TaskGrant<T extends Enum<T>> {
  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("Who receives the tasks: users, groups or service accounts.")
  private List<SubjectRef> subjects;

  @Required
  @Size(min = 1, max = 20)
  @JsonPropertyDescription(
      "The tasks granted. Each becomes Kubernetes RBAC in every data center. Provider-only tasks"
          + " are rejected.")
  private List<T> tasks;

  public List<SubjectRef> getSubjects() {
    return subjects;
  }

  public void setSubjects(List<SubjectRef> subjects) {
    this.subjects = subjects;
  }

  public List<T> getTasks() {
    return tasks;
  }

  public void setTasks(List<T> tasks) {
    this.tasks = tasks;
  }
}
