package dev.failover.core.dr.egress;

import dev.failover.core.dr.egress.HostnameAnswer.Addresses;
import dev.failover.core.dr.egress.HostnameAnswer.Failed;
import dev.failover.core.dr.egress.HostnameAnswer.NoSuchName;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The allowlist's hostnames and their addresses, kept per policy and data center. Immutable: each
 * answer gives a new one.
 *
 * <p>A name is asked again when its answer's TTL runs out, and at least every refresh interval;
 * never sooner than {@link #SHORTEST_REFRESH}, so a TTL of 0 does not turn into a query per
 * reconcile. An attempt without a usable answer (a timeout, SERVFAIL, NXDOMAIN, no address) keeps
 * the last good addresses, since cutting a critical destination off in a catastrophe is worse than
 * allowing an address a little longer, and is retried after {@link #RETRY} (or the interval, if
 * shorter).
 */
public final class ResolvedHostnames {
  public static final Duration SHORTEST_REFRESH = Duration.ofSeconds(5);
  public static final Duration RETRY = Duration.ofSeconds(30);

  private final Map<String, HostnameResolution> byName;

  private ResolvedHostnames(Map<String, HostnameResolution> byName) {
    this.byName = byName;
  }

  public static ResolvedHostnames none() {
    return new ResolvedHostnames(Map.of());
  }

  /** Those of the names never asked, or whose time to ask again has come. */
  public List<String> due(Collection<String> hostnames, Instant now) {
    return hostnames.stream()
        .distinct()
        .sorted()
        .filter(name -> !byName.containsKey(name) || !byName.get(name).refreshAt().isAfter(now))
        .toList();
  }

  /** With the answer for one name, asked at {@code now}. */
  public ResolvedHostnames with(
      String hostname, HostnameAnswer answer, Instant now, Duration interval) {
    Optional<HostnameResolution> known = Optional.ofNullable(byName.get(hostname));
    HostnameResolution next;
    if (answer instanceof Addresses addresses && !addresses.blocks().isEmpty()) {
      Duration wait = min(max(addresses.ttl(), SHORTEST_REFRESH), max(interval, SHORTEST_REFRESH));
      next =
          new HostnameResolution(
              hostname,
              List.copyOf(new TreeSet<>(addresses.blocks())),
              Optional.of(now),
              now.plus(wait),
              Optional.empty());
    } else {
      next =
          new HostnameResolution(
              hostname,
              known.map(HostnameResolution::blocks).orElse(List.of()),
              known.flatMap(HostnameResolution::resolvedAt),
              now.plus(max(min(RETRY, interval), SHORTEST_REFRESH)),
              Optional.of(reason(answer, known.isPresent() && !known.get().blocks().isEmpty())));
    }
    Map<String, HostnameResolution> copy = new TreeMap<>(byName);
    copy.put(hostname, next);
    return new ResolvedHostnames(copy);
  }

  /** Only the names still listed: a name taken off the allowlist is forgotten. */
  public ResolvedHostnames retain(Set<String> hostnames) {
    return new ResolvedHostnames(
        byName.entrySet().stream()
            .filter(entry -> hostnames.contains(entry.getKey()))
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
  }

  public Optional<HostnameResolution> of(String hostname) {
    return Optional.ofNullable(byName.get(hostname));
  }

  /** Every name's resolution, by name. */
  public List<HostnameResolution> all() {
    return List.copyOf(new TreeMap<>(byName).values());
  }

  /** When the next name is due; empty when none is known. */
  public Optional<Instant> nextRefresh() {
    return byName.values().stream().map(HostnameResolution::refreshAt).min(Instant::compareTo);
  }

  private static String reason(HostnameAnswer answer, boolean keeping) {
    String why;
    if (answer instanceof Failed failed) {
      why = failed.reason();
    } else if (answer instanceof NoSuchName) {
      why = "NXDOMAIN: the name does not exist";
    } else {
      why = "the name has no A or AAAA record";
    }
    return why + (keeping ? "; keeping the last addresses" : "; no address to allow yet");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
