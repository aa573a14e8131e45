package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every move of the workloads since a moment, gathered from repeated readings of the policies'
 * status: the move in flight, the last one and the history (which keeps only the newest 20, so
 * reading often loses none). A move is known by its policy, type, route and detection, so one seen
 * in flight and then in the history counts once.
 */
final class MoveLedger {
  /** One move of one policy, as its status last showed it. */
  record Move(String policy, FailoverRecord record) {
    FailoverType type() {
      return record.getType();
    }

    /** When the move was decided: its detection, or its start for a move nobody detected. */
    Instant decidedAt() {
      return Instant.parse(
          record.getDetectedAt() != null ? record.getDetectedAt() : record.getStartedAt());
    }

    String describe() {
      return policy
          + " "
          + record.getType()
          + " "
          + record.getFrom()
          + " -> "
          + record.getTo()
          + " ("
          + record.getReason()
          + ")";
    }
  }

  private final Instant since;
  private final Map<String, Move> moves = new LinkedHashMap<>();

  MoveLedger(Instant since) {
    this.since = since;
  }

  /** Takes in a reading of the policy's status; returns the moves it showed for the first time. */
  List<Move> observe(String policy, FailoverPolicyStatus status) {
    List<Move> news = new ArrayList<>();
    if (status == null) {
      return news;
    }
    Stream.concat(
            Stream.of(status.getInFlight(), status.getLastFailover()),
            status.getHistory() == null ? Stream.empty() : status.getHistory().stream())
        .filter(Objects::nonNull)
        .filter(record -> record.getStartedAt() != null || record.getDetectedAt() != null)
        .map(record -> new Move(policy, record))
        .filter(move -> !move.decidedAt().isBefore(since))
        .forEach(
            move -> {
              if (moves.put(key(move), move) == null) {
                news.add(move);
              }
            });
    return news;
  }

  List<Move> moves() {
    return List.copyOf(moves.values());
  }

  long count(FailoverType type) {
    return moves.values().stream().filter(move -> move.type() == type).count();
  }

  long count(String policy, FailoverType type) {
    return moves.values().stream()
        .filter(move -> move.policy().equals(policy) && move.type() == type)
        .count();
  }

  private static String key(Move move) {
    return String.join(
        "|",
        move.policy(),
        String.valueOf(move.type()),
        move.record().getFrom(),
        move.record().getTo(),
        move.decidedAt().toString());
  }
}
