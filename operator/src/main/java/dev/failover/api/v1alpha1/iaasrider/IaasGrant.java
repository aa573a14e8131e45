package dev.failover.api.v1alpha1.iaasrider;

import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.TaskGrant;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;

/** IaaS specialist tasks granted to customer subjects. */
@SchemaCustomizer(value = SetLists.class, input = "tasks")
@ValidationRule(
    value = "!self.tasks.exists(t, t in " + IaasGrant.PROVIDER_ONLY_TASKS + ")",
    fieldPath = ".tasks",
    message =
        "AccessInfrastructure is a provider-only task and cannot be granted: only the provider"
            + " accesses the infrastructure under the virtual machines")
public class IaasGrant extends TaskGrant<IaasTask> {
  /** The provider-only {@link IaasTask}s, as a CEL list. */
  static final String PROVIDER_ONLY_TASKS = "['AccessInfrastructure']";
}
