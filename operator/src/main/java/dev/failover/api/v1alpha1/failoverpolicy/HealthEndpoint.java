package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The workload's own HTTP health endpoint, probed at each data center's ingress address in addition
 * to the data center's API server.
 */
public class HealthEndpoint {
  @Default("HTTP")
  @JsonPropertyDescription("HTTP or HTTPS.")
  private HttpScheme scheme;

  @Required
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port the endpoint listens on at the ingress address.")
  private Integer port;

  @Default("/healthz")
  @Pattern(ValuePatterns.HTTP_PATH)
  @Size(max = ValuePatterns.HTTP_PATH_MAX_LENGTH)
  @JsonPropertyDescription("Absolute path of the endpoint; a 2xx or 3xx answer is healthy.")
  private String path;

  public HttpScheme getScheme() {
    return scheme;
  }

  public void setScheme(HttpScheme scheme) {
    this.scheme = scheme;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
