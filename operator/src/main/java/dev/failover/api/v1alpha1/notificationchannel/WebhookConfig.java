package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A webhook that receives each notification as a signed JSON POST. */
public class WebhookConfig {
  @Required
  @Pattern(ValuePatterns.HTTP_URL)
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription("The http(s) URL notifications are POSTed to.")
  private String url;

  @Required
  @JsonPropertyDescription(
      "Secret key holding the HMAC-SHA256 key the body is signed with, so receivers can verify it.")
  private SecretKeyRef hmacSecretRef;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public SecretKeyRef getHmacSecretRef() {
    return hmacSecretRef;
  }

  public void setHmacSecretRef(SecretKeyRef hmacSecretRef) {
    this.hmacSecretRef = hmacSecretRef;
  }
}
