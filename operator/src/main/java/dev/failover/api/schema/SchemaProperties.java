package dev.failover.api.schema;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/** Looks up a property a customizer was pointed at, failing the build when it is not there. */
final class SchemaProperties {
  private SchemaProperties() {}

  static JSONSchemaProps require(JSONSchemaProps schema, String property) {
    JSONSchemaProps found =
        schema.getProperties() == null ? null : schema.getProperties().get(property);
    if (found == null) {
      throw new IllegalArgumentException(
          "schema customizer names property '" + property + "', which the class does not have");
    }
    return found;
  }
}
