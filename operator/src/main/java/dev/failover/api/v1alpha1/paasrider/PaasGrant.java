package dev.failover.api.v1alpha1.paasrider;

import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.TaskGrant;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;

/** PaaS developer tasks granted to customer subjects. */
@SchemaCustomizer(value = SetLists.class, input = "tasks")
@ValidationRule(
    value = "!self.tasks.exists(t, t in " + PaasGrant.PROVIDER_ONLY_TASKS + ")",
    fieldPath = ".tasks",
    message =
        "RunSystemApplications, RunVirtualMachines and AccessInfrastructure are provider-only tasks"
            + " and cannot be granted")
public class PaasGrant extends TaskGrant<PaasTask> {
  /** The provider-only {@link PaasTask}s, as a CEL list. */
  static final String PROVIDER_ONLY_TASKS =
      "['RunSystemApplications', 'RunVirtualMachines', 'AccessInfrastructure']";
}
