package dev.failover.api.v1alpha1.notificationchannel;

/**
 * CEL rules shared by the configurations that POST to a URL (webhook, CloudEvents), so that a
 * channel cannot be used to read the hub's cloud metadata (server-side request forgery) or to leak
 * customer data in clear text. Admission sees only the URL as written: a name that resolves to such
 * an address is refused by the sender when it connects.
 */
final class NotificationUrls {
  private NotificationUrls() {}

  static final String HTTPS_RULE = "self.url.startsWith('https://') || self.allowPlainHttp";

  static final String HTTPS_MESSAGE =
      "url must use https://; set allowPlainHttp: true to send notifications unencrypted on"
          + " purpose (for example to an in-cluster sink)";

  /** The URL's host as written, without brackets or port; empty when the URL does not parse. */
  private static final String HOST = "(isURL(self.url) ? url(self.url).getHostname() : '')";

  /**
   * The host is an IP address or a DNS name whose last label starts with a letter, so that numeric
   * tricks ({@code http://2852039166/}, {@code 0xa9.0xfe.0xa9.0xfe}) for 169.254.169.254 do not
   * pass as names; and it is no link-local address (169.254.0.0/16, fe80::/10, where the clouds
   * serve instance metadata and credentials) nor AWS's IPv6 metadata address fd00:ec2::254.
   */
  static final String HOST_RULE =
      "isIP("
          + HOST
          + ") ? !ip("
          + HOST
          + ").isLinkLocalUnicast() && ip("
          + HOST
          + ") != ip('fd00:ec2::254') : "
          + HOST
          + ".lowerAscii().matches(r'^([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)*[a-z]([-a-z0-9]*[a-z0-9])?$')"
          + " && "
          + HOST
          + ".lowerAscii() != 'metadata.google.internal'";

  static final String HOST_MESSAGE =
      "url must name a DNS name or an IP address that is not link-local or a cloud metadata"
          + " address (169.254.0.0/16, fe80::/10, fd00:ec2::254, metadata.google.internal)";
}
