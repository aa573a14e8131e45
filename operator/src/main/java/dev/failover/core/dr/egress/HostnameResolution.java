package dev.failover.core.dr.egress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a hostname stands for in the rendered policies, and when to ask again.
 *
 * @param blocks the last good answer's addresses as CIDR blocks; empty before the first one
 * @param resolvedAt when that answer came; empty before the first one
 * @param refreshAt when to resolve the name again
 * @param error why the last attempt gave no usable answer; empty when it did
 */
public record HostnameResolution(
    String hostname,
    List<String> blocks,
    Optional<Instant> resolvedAt,
    Instant refreshAt,
    Optional<String> error) {
  public HostnameResolution {
    blocks = List.copyOf(blocks);
  }
}
