package dev.failover.operator.dr.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the managed list may be fetched from: https only, and never a host that is, or resolves to,
 * a loopback, link-local (cloud metadata), site-local or wildcard address, so the setting cannot be
 * turned into a way to read the operator's own network (server-side request forgery). Loopback is
 * allowed only when the guard is built for tests.
 */
public final class ListUrlGuard {
  private final boolean allowLoopback;

  private ListUrlGuard(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  public static ListUrlGuard strict() {
    return new ListUrlGuard(false);
  }

  /** For tests whose server listens on 127.0.0.1; never configured in the operator. */
  public static ListUrlGuard allowingLoopbackForTests() {
    return new ListUrlGuard(true);
  }

  /** The URL as messages may show it: a path or query may be a credential. */
  public static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /**
   * @throws IllegalArgumentException why the URL may not be fetched
   */
  public void check(URI uri) {
    if (!"https"
        .equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the managed list's URL must be https: " + describe(uri));
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the managed list's URL has no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("host " + host + " does not resolve", e);
    }
    for (InetAddress address : addresses) {
      if (refused(address)) {
        throw new IllegalArgumentException(
            host + " is, or resolves to, " + address.getHostAddress() + ": an internal address");
      }
    }
  }

  private boolean refused(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return !allowLoopback;
    }
    return address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isSiteLocalAddress()
        || isUniqueLocal(address);
  }

  /** fc00::/7, IPv6's private range (AWS's metadata service answers on fd00:ec2::254). */
  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }
}
