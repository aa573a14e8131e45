package dev.failover.api.schema;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Keeps every field of the items of a list of embedded Kubernetes objects.
 *
 * <p>The generator marks a {@code List<GenericKubernetesResource>} as {@code
 * x-kubernetes-embedded-resource} but puts {@code x-kubernetes-preserve-unknown-fields} on the
 * list, not on its items, so the API server would prune everything but apiVersion, kind and
 * metadata. Input: the name of the list property of the annotated class.
 */
public class EmbeddedObjectItems implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String property, KubernetesSerialization serialization) {
    JSONSchemaProps list = SchemaProperties.require(schema, property);
    list.getItems().getSchema().setXKubernetesPreserveUnknownFields(true);
    list.setXKubernetesPreserveUnknownFields(null);
    return schema;
  }
}
