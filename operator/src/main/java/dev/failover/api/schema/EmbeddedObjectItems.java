package dev.failover.api.schema;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRuleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Keeps every field of the items of a list of embedded Kubernetes objects, and requires each to
 * have a metadata.name.
 *
 * <p>The generator marks a {@code List<GenericKubernetesResource>} as {@code
 * x-kubernetes-embedded-resource} but puts {@code x-kubernetes-preserve-unknown-fields} on the
 * list, not on its items, so the API server would prune everything but apiVersion, kind and
 * metadata. The API server itself requires only apiVersion and kind of an embedded object; the
 * operator finds, applies and deletes its objects by name, so a nameless (or generateName) one
 * could never be failed over. Input: the name of the list property of the annotated class.
 */
public class EmbeddedObjectItems implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String property, KubernetesSerialization serialization) {
    JSONSchemaProps list = SchemaProperties.require(schema, property);
    JSONSchemaProps items = list.getItems().getSchema();
    items.setXKubernetesPreserveUnknownFields(true);
    items.setXKubernetesValidations(
        List.of(
            new ValidationRuleBuilder()
                .withRule("has(self.metadata) && has(self.metadata.name)")
                .withMessage(
                    "metadata.name is required: the operator applies, finds and removes each"
                        + " object by name (generateName cannot be used)")
                .build()));
    list.setXKubernetesPreserveUnknownFields(null);
    return schema;
  }
}
