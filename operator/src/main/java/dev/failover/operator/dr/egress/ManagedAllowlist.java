package dev.failover.operator.dr.egress;

import dev.failover.core.dr.egress.EgressDestination;
import dev.failover.core.dr.egress.ManagedListText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's managed allowlist, one for all policies, read from its source every refresh
 * interval. A refresh that fails (the source unreadable, or a line that is not an entry) keeps the
 * last good list and says so: in {@link ManagedListState#lastError}, in a warning and in the
 * counter {@value #FAILURES}. Without a source, the managed list is empty.
 */
public final class ManagedAllowlist {
  static final String FAILURES = "failover.dr.allowlist.refresh.failures";
  private static final Logger LOG = LoggerFactory.getLogger(ManagedAllowlist.class);

  private final Optional<ManagedListSource> source;
  private final Duration interval;
  private final Clock clock;
  private final Counter failures;
  private volatile ManagedListState state;

  public ManagedAllowlist(
      Optional<ManagedListSource> source, Duration interval, Clock clock, MeterRegistry registry) {
    this.source = source;
    this.interval = interval;
    this.clock = clock;
    this.failures =
        Counter.builder(FAILURES)
            .description("Managed allowlist refreshes that failed and kept the last good list")
            .register(registry);
    this.state = ManagedListState.empty(source.map(ManagedListSource::describe).orElse("none"));
  }

  /** The list, read again first when the refresh interval has passed since the last attempt. */
  public synchronized ManagedListState current() {
    Instant now = clock.instant();
    if (source.isPresent()
        && state.lastAttempt().map(last -> !last.plus(interval).isAfter(now)).orElse(true)) {
      refresh();
    }
    return state;
  }

  /** Reads the source now. */
  public synchronized ManagedListState refresh() {
    if (source.isEmpty()) {
      return state;
    }
    Instant now = clock.instant();
    try {
      List<EgressDestination> entries = ManagedListText.parse(source.get().read());
      state =
          new ManagedListState(
              state.source(), entries, Optional.of(now), Optional.of(now), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(now, "interrupted");
    } catch (Exception e) {
      fail(now, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return state;
  }

  /** When the list is next read. */
  public Optional<Instant> nextRefresh() {
    return source.isEmpty()
        ? Optional.empty()
        : Optional.of(state.lastAttempt().map(last -> last.plus(interval)).orElse(clock.instant()));
  }

  private void fail(Instant now, String reason) {
    String error =
        "refreshing the managed allowlist from "
            + state.source()
            + " failed: "
            + reason
            + (state.lastRefresh().isPresent()
                ? "; keeping the list read at " + state.lastRefresh().get()
                : "; no good list read yet");
    failures.increment();
    LOG.warn(error);
    state =
        new ManagedListState(
            state.source(),
            state.entries(),
            state.lastRefresh(),
            Optional.of(now),
            Optional.of(error));
  }
}
