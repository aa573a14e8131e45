package dev.failover.api.schema;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Declares list properties as {@code x-kubernetes-list-type: set}: the API server rejects a
 * repeated item ("Duplicate value") and server-side apply merges the lists as sets. Input: the
 * comma-separated names of list properties of the annotated class.
 */
public class SetLists implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String properties, KubernetesSerialization serialization) {
    for (String property : properties.split(",")) {
      SchemaProperties.require(schema, property.trim()).setXKubernetesListType("set");
    }
    return schema;
  }
}
