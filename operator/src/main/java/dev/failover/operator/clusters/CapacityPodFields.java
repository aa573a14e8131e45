package dev.failover.operator.clusters;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PodList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads a page of pods keeping only what capacity is measured from: where each pod runs, its phase,
 * and what its containers, init containers and the pod itself ask for. The rest of each pod (its
 * managed fields, environment, volumes, conditions) is skipped while parsing rather than built into
 * objects and thrown away: a data center's pods are listed every capacity interval, and building
 * them whole was the operator's largest allocation at rest.
 */
final class CapacityPodFields {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final TokenFilter POD =
      Fields.of(
          Map.of(
              "spec",
              Fields.of(
                  Map.of(
                      "nodeName", TokenFilter.INCLUDE_ALL,
                      "containers", Fields.of(Map.of("resources", TokenFilter.INCLUDE_ALL)),
                      "initContainers",
                          Fields.of(
                              Map.of(
                                  "resources", TokenFilter.INCLUDE_ALL,
                                  "restartPolicy", TokenFilter.INCLUDE_ALL)),
                      "resources", TokenFilter.INCLUDE_ALL,
                      "overhead", TokenFilter.INCLUDE_ALL)),
              "status",
              Fields.of(Map.of("phase", TokenFilter.INCLUDE_ALL))));

  private static final TokenFilter POD_LIST =
      Fields.of(
          Map.of("metadata", Fields.of(Map.of("continue", TokenFilter.INCLUDE_ALL)), "items", POD));

  private CapacityPodFields() {}

  static PodList parse(byte[] json) {
    try (JsonParser parser =
        new FilteringParserDelegate(
            MAPPER.createParser(json),
            POD_LIST,
            TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH,
            true)) {
      // Nothing kept (no pods, no continue) leaves no tokens at all, not an empty object.
      return parser.nextToken() == null ? new PodList() : MAPPER.readValue(parser, PodList.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a page of pods", e);
    }
  }

  /**
   * Keeps the named fields of an object, each with its own filter; an array is looked through, so a
   * filter for a list's field applies to each of its elements.
   */
  private static final class Fields extends TokenFilter {
    private final Map<String, TokenFilter> fields;

    private Fields(Map<String, TokenFilter> fields) {
      this.fields = fields;
    }

    static TokenFilter of(Map<String, TokenFilter> fields) {
      return new Fields(fields);
    }

    @Override
    public TokenFilter includeProperty(String name) {
      return fields.get(name);
    }

    @Override
    public TokenFilter includeElement(int index) {
      return this;
    }

    @Override
    protected boolean _includeScalar() {
      return false;
    }
  }
}
