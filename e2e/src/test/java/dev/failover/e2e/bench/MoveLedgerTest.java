package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoveLedgerTest {
  private static final Instant START = Instant.parse("2026-12-01T13:00:00Z");

  @Test
  void aMoveSeenInFlightAndThenInTheHistoryCountsOnce() {
    MoveLedger ledger = new MoveLedger(START);
    FailoverRecord failover = move(FailoverType.Failover, "toronto", "chicago", "13:00:10");
    FailoverPolicyStatus moving = new FailoverPolicyStatus();
    moving.setInFlight(failover);

    assertThat(ledger.observe("hot", moving)).hasSize(1);

    FailoverPolicyStatus done = new FailoverPolicyStatus();
    done.setLastFailover(failover);
    done.setHistory(new ArrayList<>(List.of(failover)));
    assertThat(ledger.observe("hot", done)).isEmpty();
    assertThat(ledger.count(FailoverType.Failover)).isEqualTo(1);
  }

  @Test
  void countsFailoversAndFailbacksPerPolicySinceTheStartOnly() {
    MoveLedger ledger = new MoveLedger(START);
    FailoverPolicyStatus hot = new FailoverPolicyStatus();
    hot.setHistory(
        new ArrayList<>(
            List.of(
                move(FailoverType.Failback, "chicago", "toronto", "13:01:00"),
                move(FailoverType.Failover, "toronto", "chicago", "13:00:10"),
                move(FailoverType.Failover, "toronto", "chicago", "12:59:00"))));
    FailoverPolicyStatus warm = new FailoverPolicyStatus();
    warm.setHistory(
        new ArrayList<>(List.of(move(FailoverType.Failover, "toronto", "chicago", "13:00:10"))));

    ledger.observe("hot", hot);
    ledger.observe("warm", warm);
    ledger.observe("warm", null);

    assertThat(ledger.count(FailoverType.Failover)).isEqualTo(2);
    assertThat(ledger.count(FailoverType.Failback)).isEqualTo(1);
    assertThat(ledger.moves())
        .extracting(MoveLedger.Move::describe)
        .containsExactly(
            "hot Failback chicago -> toronto (Blackout)",
            "hot Failover toronto -> chicago (Blackout)",
            "warm Failover toronto -> chicago (Blackout)");
  }

  @Test
  void aMoveIsKnownByItsDetectionBeforeAndAfterItStarts() {
    MoveLedger ledger = new MoveLedger(START);
    FailoverRecord detected = move(FailoverType.Failover, "toronto", "chicago", "13:00:05");
    detected.setStartedAt(null);
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    status.setInFlight(detected);
    assertThat(ledger.observe("hot", status)).hasSize(1);

    FailoverRecord started = move(FailoverType.Failover, "toronto", "chicago", "13:00:05");
    started.setStartedAt("2026-12-01T13:00:06Z");
    status.setInFlight(started);
    assertThat(ledger.observe("hot", status)).isEmpty();
    assertThat(ledger.moves())
        .singleElement()
        .extracting(m -> m.record().getStartedAt())
        .isNotNull();
  }

  private static FailoverRecord move(FailoverType type, String from, String to, String time) {
    FailoverRecord record = new FailoverRecord();
    record.setType(type);
    record.setFrom(from);
    record.setTo(to);
    record.setReason("Blackout");
    record.setDetectedAt("2026-12-01T" + time + "Z");
    record.setStartedAt("2026-12-01T" + time + "Z");
    return record;
  }
}
