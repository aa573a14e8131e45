package dev.failover.operator.notification.channels;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a channel may connect. The CRD refuses link-local and metadata addresses as written; a name
 * that resolves to one is refused here, before connecting (server-side request forgery). Messages
 * name only scheme, host and port: a URL's path or query may be a credential.
 */
final class Destinations {
  private Destinations() {}

  /** The URL as messages may show it. */
  static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /**
   * Refuses a host that does not resolve or resolves to a link-local or metadata address.
   *
   * @return why not, or null when the host may be connected to
   */
  static String refusal(String host) {
    if (host == null || host.isBlank()) {
      return "the URL has no host";
    }
    if (host.toLowerCase(Locale.ROOT).startsWith("metadata.google.internal")) {
      return host + " is a cloud metadata address";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "host " + host + " does not resolve";
    }
    for (InetAddress address : addresses) {
      if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || isAwsMetadata(address)) {
        return host
            + " resolves to "
            + address.getHostAddress()
            + ", a link-local or metadata address";
      }
    }
    return null;
  }

  private static boolean isAwsMetadata(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16
        && bytes[0] == (byte) 0xfd
        && bytes[1] == 0
        && bytes[2] == 0x0e
        && bytes[3] == (byte) 0xc2;
  }
}
