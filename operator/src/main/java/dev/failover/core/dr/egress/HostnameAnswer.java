package dev.failover.core.dr.egress;

import java.time.Duration;
import java.util.List;

/** What a resolver said about a hostname's A and AAAA records. */
public sealed interface HostnameAnswer {
  /**
   * The addresses as one-address CIDR blocks, and the smallest TTL among them; empty when the name
   * exists but has no address.
   */
  record Addresses(List<String> blocks, Duration ttl) implements HostnameAnswer {
    public Addresses {
      blocks = List.copyOf(blocks);
    }
  }

  /** NXDOMAIN: the name does not exist. */
  record NoSuchName() implements HostnameAnswer {}

  /** No usable answer: a timeout, SERVFAIL, REFUSED. */
  record Failed(String reason) implements HostnameAnswer {}
}
