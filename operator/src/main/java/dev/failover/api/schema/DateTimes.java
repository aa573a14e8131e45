package dev.failover.api.schema;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Declares string properties as {@code format: date-time}, so the API server parses them as
 * timestamps: a pattern alone accepts 2026-02-30T00:00:00Z, a date that does not exist. Input: the
 * comma-separated names of string properties of the annotated class.
 */
public class DateTimes implements SchemaCustomizer.Customizer {
  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String properties, KubernetesSerialization serialization) {
    for (String property : properties.split(",")) {
      SchemaProperties.require(schema, property.trim()).setFormat("date-time");
    }
    return schema;
  }
}
