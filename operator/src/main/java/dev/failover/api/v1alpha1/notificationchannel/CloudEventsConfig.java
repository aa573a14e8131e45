package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A CloudEvents 1.0 sink over HTTP, in binary or structured content mode. */
@ValidationRule(
    value = NotificationUrls.HTTPS_RULE,
    fieldPath = ".url",
    message = NotificationUrls.HTTPS_MESSAGE)
@ValidationRule(
    value = NotificationUrls.HOST_RULE,
    fieldPath = ".url",
    message = NotificationUrls.HOST_MESSAGE)
public class CloudEventsConfig {
  @Required
  @Pattern(ValuePatterns.HTTP_URL)
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription("The http(s) URL of the sink.")
  private String url;

  @Default("false")
  @JsonPropertyDescription(
      "Allow an http:// url: notifications then travel unencrypted. Only for a receiver on a"
          + " trusted network, such as an in-cluster sink.")
  private Boolean allowPlainHttp;

  @Required
  @Pattern("^[^\\s]+$")
  @Size(max = ValuePatterns.URL_MAX_LENGTH)
  @JsonPropertyDescription(
      "The CloudEvents 'source' attribute (a URI-reference), e.g. /failover/shop.")
  private String source;

  @JsonPropertyDescription(TrustBundles.CA_BUNDLE_DESCRIPTION)
  private SecretKeyRef caBundleSecretRef;

  @Default("Binary")
  @JsonPropertyDescription(
      "Content mode: Binary (attributes in ce- headers, the data as the body) or Structured (the"
          + " whole event as one application/cloudevents+json body).")
  private CloudEventsMode mode;

  public CloudEventsMode getMode() {
    return mode;
  }

  public void setMode(CloudEventsMode mode) {
    this.mode = mode;
  }

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

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}
