package dev.failover.api.v1alpha1.saasrider;

import dev.failover.api.schema.SetLists;
import dev.failover.api.v1alpha1.common.TaskGrant;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;

/** SaaS user tasks granted to customer subjects. */
@SchemaCustomizer(value = SetLists.class, input = "tasks")
@ValidationRule(
    value = "!self.tasks.exists(t, t in " + SaasGrant.PROVIDER_ONLY_TASKS + ")",
    fieldPath = ".tasks",
    message =
        "BuyUpgradeLicenses, ManagePatches, AccessSystemApplicationsAndVMs and"
            + " AccessInfrastructure are provider-only tasks and cannot be granted")
public class SaasGrant extends TaskGrant<SaasTask> {
  /** The provider-only {@link SaasTask}s, as a CEL list. */
  static final String PROVIDER_ONLY_TASKS =
      "['BuyUpgradeLicenses', 'ManagePatches', 'AccessSystemApplicationsAndVMs',"
          + " 'AccessInfrastructure']";
}
