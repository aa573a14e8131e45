package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A CloudEvents 1.0 sink over HTTP (binary content mode). */
public class CloudEventsConfig {
  @Required
  @Pattern(ValuePatterns.HTTP_URL)
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription("The http(s) URL of the sink.")
  private String url;

  @Required
  @Pattern("^[^\\s]+$")
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription(
      "The CloudEvents 'source' attribute (a URI-reference), e.g. /failover/shop.")
  private String source;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
