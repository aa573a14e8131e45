package dev.failover.testbed;

import java.time.Duration;
import java.util.Locale;

/** How long a data center took from {@code kwokctl create} to serving, and to Ready nodes. */
public record DataCenterStartup(
    String name, Duration toApiReady, Duration toNodesReady, int nodes) {

  public String describe() {
    return String.format(
        Locale.ROOT,
        "Data center %s started: API server ready %.2f s after create, %d nodes Ready after %.2f s",
        name,
        toApiReady.toMillis() / 1000.0,
        nodes,
        toNodesReady.toMillis() / 1000.0);
  }
}
