package dev.failover.operator.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.dr.egress.EgressDestination;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedAllowlistTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  /** A source whose text the test sets, or that fails. */
  private static final class Scripted implements ManagedListSource {
    String text = "api.payments.example\n";
    RuntimeException failure;
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String describe() {
      return "ConfigMap failover-system/allowlist key allowlist";
    }

    @Override
    public String read() {
      reads.incrementAndGet();
      if (failure != null) {
        throw failure;
      }
      return text;
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Scripted source = new Scripted();
  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final ManagedAllowlist list =
      new ManagedAllowlist(Optional.of(source), INTERVAL, clock, registry);

  private double failures() {
    return registry.counter(ManagedAllowlist.FAILURES).count();
  }

  @Test
  void theFirstUseReadsTheSourceAndLaterUsesWaitForTheInterval() {
    ManagedListState first = list.current();

    assertThat(first.entries())
        .containsExactly(new EgressDestination.Hostname("api.payments.example"));
    assertThat(first.lastRefresh()).contains(T0);
    assertThat(first.lastError()).isEmpty();
    source.text = "198.51.100.0/24\n";
    now = T0.plus(INTERVAL).minusSeconds(1);
    assertThat(list.current().entries())
        .hasSize(1)
        .first()
        .isInstanceOf(EgressDestination.Hostname.class);
    assertThat(source.reads).hasValue(1);
    assertThat(list.nextRefresh()).contains(T0.plus(INTERVAL));

    now = T0.plus(INTERVAL);
    assertThat(list.current().entries())
        .containsExactly(new EgressDestination.Block("198.51.100.0/24"));
    assertThat(source.reads).hasValue(2);
  }

  @Test
  void aSourceThatFailsKeepsTheLastGoodListAndSaysSo() {
    list.current();
    source.failure =
        new IllegalStateException("ConfigMap failover-system/allowlist does not exist");
    now = T0.plus(INTERVAL);

    ManagedListState kept = list.current();

    assertThat(kept.entries())
        .containsExactly(new EgressDestination.Hostname("api.payments.example"));
    assertThat(kept.lastRefresh()).contains(T0);
    assertThat(kept.lastAttempt()).contains(T0.plus(INTERVAL));
    assertThat(kept.lastError())
        .contains(
            "refreshing the managed allowlist from ConfigMap failover-system/allowlist key"
                + " allowlist failed: ConfigMap failover-system/allowlist does not exist; keeping"
                + " the list read at 2026-12-01T10:00:00Z");
    assertThat(failures()).isEqualTo(1.0);

    // It recovers at the next good read.
    source.failure = null;
    now = now.plus(INTERVAL);
    assertThat(list.current().lastError()).isEmpty();
    assertThat(failures()).isEqualTo(1.0);
  }

  @Test
  void aTextWithABadLineIsAFailedRefreshToo() {
    list.current();
    source.text = "<html>502 Bad Gateway</html>\n";

    ManagedListState kept = list.refresh();

    assertThat(kept.entries()).hasSize(1);
    assertThat(kept.lastError()).get().asString().contains("line 1: ");
    assertThat(failures()).isEqualTo(1.0);
  }

  @Test
  void aFirstRefreshThatFailsHasAnEmptyListAndSaysNoGoodListYet() {
    source.failure = new IllegalStateException("unreachable");

    ManagedListState state = list.current();

    assertThat(state.entries()).isEmpty();
    assertThat(state.lastError()).get().asString().endsWith("unreachable; no good list read yet");
  }

  @Test
  void withoutASourceTheListIsEmptyAndNeverRefreshed() {
    ManagedAllowlist none = new ManagedAllowlist(Optional.empty(), INTERVAL, clock, registry);

    assertThat(none.current().entries()).isEmpty();
    assertThat(none.current().source()).isEqualTo("none");
    assertThat(none.current().lastError()).isEmpty();
    assertThat(none.nextRefresh()).isEmpty();
  }
}
