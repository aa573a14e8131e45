package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A Slack-compatible incoming webhook. Its URL is a credential (whoever holds it can post to the
 * channel), so it is read from a Secret; an inline {@code url} is refused with a message saying so,
 * rather than silently dropped.
 */
@ValidationRule(
    value = "!has(self.url)",
    fieldPath = ".url",
    message =
        "url is a credential (whoever holds it can post to the channel): store it in a Secret and"
            + " reference it with urlSecretRef")
public class SlackConfig {
  @Required
  @JsonPropertyDescription(
      "The Secret key, in this namespace, that holds the incoming-webhook URL.")
  private SecretKeyRef urlSecretRef;

  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription(
      "Not accepted: the incoming-webhook URL is a credential; put it in a Secret and set"
          + " urlSecretRef.")
  private String url;

  @JsonPropertyDescription(TrustBundles.CA_BUNDLE_DESCRIPTION)
  private SecretKeyRef caBundleSecretRef;

  public SecretKeyRef getCaBundleSecretRef() {
    return caBundleSecretRef;
  }

  public void setCaBundleSecretRef(SecretKeyRef caBundleSecretRef) {
    this.caBundleSecretRef = caBundleSecretRef;
  }

  public SecretKeyRef getUrlSecretRef() {
    return urlSecretRef;
  }

  public void setUrlSecretRef(SecretKeyRef urlSecretRef) {
    this.urlSecretRef = urlSecretRef;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
