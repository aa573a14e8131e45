package dev.failover.core.vm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy under the rider, as its machines depend on it: where it may run (primary first) and
 * where it is active now, if anywhere.
 */
public record PolicyPlacement(String name, List<String> dataCenters, String activeDataCenter) {
  public PolicyPlacement {
    Objects.requireNonNull(name, "name");
    dataCenters = List.copyOf(dataCenters);
    if (dataCenters.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " lists no data center");
    }
  }

  public String primary() {
    return dataCenters.get(0);
  }

  public Optional<String> active() {
    return Optional.ofNullable(activeDataCenter).filter(dataCenters::contains);
  }

  /** Active somewhere other than its primary: a failover moved it (a failback ends this). */
  public boolean failedOver() {
    return active().filter(dc -> !dc.equals(primary())).isPresent();
  }
}
