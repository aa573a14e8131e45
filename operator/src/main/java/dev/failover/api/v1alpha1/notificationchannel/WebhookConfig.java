package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A webhook that receives each notification as a signed JSON POST. */
@ValidationRule(
    value = NotificationUrls.HTTPS_RULE,
    fieldPath = ".url",
    message = NotificationUrls.HTTPS_MESSAGE)
@ValidationRule(
    value = NotificationUrls.HOST_RULE,
    fieldPath = ".url",
    message = NotificationUrls.HOST_MESSAGE)
public class WebhookConfig {
  @Required
  @Pattern(ValuePatterns.HTTP_URL)
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription("The http(s) URL notifications are POSTed to.")
  private String url;

  @Default("false")
  @JsonPropertyDescription(
      "Allow an http:// url: notifications then travel unencrypted. Only for a receiver on a"
          + " trusted network, such as an in-cluster sink.")
  private Boolean allowPlainHttp;

  @Required
  @JsonPropertyDescription(
      "Secret key holding the HMAC-SHA256 key the body is signed with, so receivers can verify it.")
  private SecretKeyRef hmacSecretRef;

  @JsonPropertyDescription(TrustBundles.CA_BUNDLE_DESCRIPTION)
  private SecretKeyRef caBundleSecretRef;

  public SecretKeyRef getCaBundleSecretRef() {
    return caBundleSecretRef;
  }

  public void setCaBundleSecretRef(SecretKeyRef caBundleSecretRef) {
    this.caBundleSecretRef = caBundleSecretRef;
  }

  public Boolean getAllowPlainHttp() {
    return allowPlainHttp;
  }

  public void setAllowPlainHttp(Boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

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
