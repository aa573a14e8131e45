package dev.failover.api.v1alpha1.notificationchannel;

import dev.failover.api.v1alpha1.common.ValuePatterns;

/**
 * CEL rules shared by the configurations that POST to a URL (webhook, CloudEvents), so that a
 * channel cannot be used to read the hub's cloud metadata (server-side request forgery) or to leak
 * customer data in clear text. Admission sees only the URL as written: a name that resolves to such
 * an address can only be refused by the sender when it connects.
 *
 * <p>Regular expressions on the whole URL, because CEL's url() gives a host of unknown length,
 * which the API server's cost estimate for a CRD rule cannot bound.
 */
final class NotificationUrls {
  private NotificationUrls() {}

  static final String HTTPS_RULE = "self.url.startsWith('https://') || self.allowPlainHttp";

  static final String HTTPS_MESSAGE =
      "url must use https://; set allowPlainHttp: true to send notifications unencrypted on"
          + " purpose (for example to an in-cluster sink)";

  private static final String SCHEME_AND_USER = "^https?://([^/?#@\\s]*@)?";
  private static final String PORT_AND_REST = "(:[0-9]{1,5})?([/?#]\\S*)?$";

  /**
   * The host is a DNS name whose last label starts with a letter, a dotted-quad IPv4 address or a
   * bracketed IPv6 address: so numeric spellings of 169.254.169.254 ({@code 2852039166}, {@code
   * 0251.0376.0251.0376}) do not pass as names. And it is no link-local address (169.254.0.0/16,
   * fe80::/10: where the clouds serve instance metadata and credentials), no AWS metadata address
   * (fd00:ec2::/32), no IPv4-mapped IPv6 address, and not metadata.google.internal.
   */
  static final String HOST_RULE =
      "self.url.matches(r'"
          + SCHEME_AND_USER
          + "((?i:"
          + ValuePatterns.HOSTNAME
          + ")\\.?|"
          + ValuePatterns.IPV4
          + "|\\[[0-9a-fA-F:.]+\\])"
          + PORT_AND_REST
          + "') && !self.url.matches(r'"
          + SCHEME_AND_USER
          + "(169\\.254\\.[0-9]{1,3}\\.[0-9]{1,3}"
          + "|\\[(?i:fe[89ab][0-9a-f]:[0-9a-f:.]*|fd00:0*ec2:[0-9a-f:.]*|[0:]*:ffff:[0-9a-f:.]*)\\]"
          + "|(?i:metadata\\.google\\.internal)\\.?)"
          + PORT_AND_REST
          + "')";

  static final String HOST_MESSAGE =
      "url must name a DNS name or an IP address that is not link-local or a cloud metadata"
          + " address (169.254.0.0/16, fe80::/10, fd00:ec2::/32, metadata.google.internal)";
}
