package dev.failover.api.v1alpha1.notificationchannel;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.common.SecretKeyRef;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** E-mail over SMTP. */
@ValidationRule(
    value = "!has(self.credentialsSecretRef) || self.startTls",
    fieldPath = ".startTls",
    message =
        "startTls must be true when credentialsSecretRef is set: SMTP credentials are never sent"
            + " unencrypted")
public class EmailConfig {
  @Required
  @Pattern(ValuePatterns.HOST)
  @Size(max = ValuePatterns.HOST_MAX_LENGTH)
  @JsonPropertyDescription("Hostname or IPv4 address of the SMTP server.")
  private String smtpHost;

  @Default("587")
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port of the SMTP server.")
  private Integer smtpPort;

  @Default("true")
  @JsonPropertyDescription("Whether to upgrade the connection with STARTTLS.")
  private Boolean startTls;

  @Required
  @Pattern(ValuePatterns.EMAIL)
  @Size(max = ValuePatterns.EMAIL_MAX_LENGTH)
  @JsonPropertyDescription("Sender address.")
  private String from;

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("Recipient addresses.")
  private List<@Pattern(ValuePatterns.EMAIL) @Size(max = ValuePatterns.EMAIL_MAX_LENGTH) String> to;

  @JsonPropertyDescription(
      "Secret, in this namespace, with 'username' and 'password' keys for SMTP authentication.")
  private LocalObjectRef credentialsSecretRef;

  @JsonPropertyDescription(TrustBundles.CA_BUNDLE_DESCRIPTION)
  private SecretKeyRef caBundleSecretRef;

  public SecretKeyRef getCaBundleSecretRef() {
    return caBundleSecretRef;
  }

  public void setCaBundleSecretRef(SecretKeyRef caBundleSecretRef) {
    this.caBundleSecretRef = caBundleSecretRef;
  }

  public String getSmtpHost() {
    return smtpHost;
  }

  public void setSmtpHost(String smtpHost) {
    this.smtpHost = smtpHost;
  }

  public Integer getSmtpPort() {
    return smtpPort;
  }

  public void setSmtpPort(Integer smtpPort) {
    this.smtpPort = smtpPort;
  }

  public Boolean getStartTls() {
    return startTls;
  }

  public void setStartTls(Boolean startTls) {
    this.startTls = startTls;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public List<String> getTo() {
    return to;
  }

  public void setTo(List<String> to) {
    this.to = to;
  }

  public LocalObjectRef getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(LocalObjectRef credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }
}
