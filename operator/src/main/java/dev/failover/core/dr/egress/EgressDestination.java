package dev.failover.core.dr.egress;

import dev.failover.api.v1alpha1.common.ValuePatterns;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One entry of an egress allowlist: an address block, a hostname, or a wildcard for all subdomains
 * of a name. The same syntax as {@code spec.disasterRecovery.allowlist} (the CRD checks the
 * customer's entries; {@link #parse} checks the managed list's, which no API server saw).
 */
public sealed interface EgressDestination {
  /** An IPv4 CIDR may be no wider than this, as in the CRD: 0.0.0.0/0 is fail-open in disguise. */
  int WIDEST_IPV4_PREFIX = 8;

  int WIDEST_IPV6_PREFIX = 16;

  /** An address block in canonical CIDR form: a bare address is its /32 or /128. */
  record Block(String cidr) implements EgressDestination {}

  /** A name resolved to addresses (or, with Cilium, matched by name). */
  record Hostname(String name) implements EgressDestination {}

  /** {@code *.example.com}: cannot be resolved to addresses, only matched by Cilium. */
  record Wildcard(String pattern) implements EgressDestination {}

  /**
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  static EgressDestination parse(String entry) {
    String value = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
    if (value.length() > ValuePatterns.HOST_MAX_LENGTH
        || !value.matches(ValuePatterns.EGRESS_DESTINATION)) {
      throw new IllegalArgumentException(
          "'" + entry + "' is not an IPv4/IPv6 address or CIDR, a hostname, or *.hostname");
    }
    if (value.startsWith("*.")) {
      return new Wildcard(value);
    }
    if (value.matches("^" + ValuePatterns.IPV4 + "(/.*)?$") || value.contains(":")) {
      return block(value);
    }
    return new Hostname(value);
  }

  /** The address as a one-address block: 192.0.2.1/32 or 2001:db8::1/128. */
  static Block single(InetAddress address) {
    return new Block(text(address) + "/" + (address.getAddress().length * 8));
  }

  private static Block block(String value) {
    int slash = value.indexOf('/');
    String literal = slash < 0 ? value : value.substring(0, slash);
    InetAddress address;
    try {
      // A literal: no lookup happens.
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + value + "' is not an IP address", e);
    }
    int bits = address.getAddress().length * 8;
    int prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
    int widest = bits == 32 ? WIDEST_IPV4_PREFIX : WIDEST_IPV6_PREFIX;
    if (prefix < widest) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is wider than /"
              + widest
              + ": it would allow a large part of the internet");
    }
    return new Block(network(address, prefix) + "/" + prefix);
  }

  /**
   * The block's first address: two spellings of one block (10.1.2.3/8, 10.0.0.0/8) are one entry.
   */
  private static String network(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    BigInteger mask =
        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
    byte[] masked = new BigInteger(1, bytes).and(mask).toByteArray();
    byte[] network = new byte[bytes.length];
    int copy = Math.min(masked.length, network.length);
    System.arraycopy(masked, masked.length - copy, network, network.length - copy, copy);
    try {
      return text(InetAddress.getByAddress(network));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }

  /**
   * The address as RFC 5952 writes it (2001:db8::1, not Java's 2001:db8:0:0:0:0:0:1): the API
   * server warns about, or refuses, IPs and CIDRs in other spellings.
   */
  private static String text(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return address.getHostAddress();
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
