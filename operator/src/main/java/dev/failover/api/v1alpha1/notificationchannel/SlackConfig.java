package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Slack-compatible incoming webhook. */
public class SlackConfig {
  @Required
  @Pattern(ValuePatterns.HTTP_URL)
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription("The incoming-webhook URL.")
  private String url;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
