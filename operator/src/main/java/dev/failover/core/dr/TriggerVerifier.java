package dev.failover.core.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges the TXT values found at the trigger's name (the rules are in {@link
 * dev.failover.core.dr}).
 */
public final class TriggerVerifier {
  /** A value that switches modes must be signed at most this long before it is seen. */
  public static final Duration MAX_AGE = Duration.ofMinutes(15);

  /** How far in the future a signing time may lie, for clocks that disagree. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Shorter keys are refused: an HMAC is only as strong as its key. */
  public static final int MIN_KEY_BYTES = 16;

  private TriggerVerifier() {}

  /** What the values say. */
  public sealed interface Verdict {
    /** The newest valid value confirms the current mode. */
    record Confirmed(DrMode mode, Instant signedAt) implements Verdict {}

    /** The newest valid value switches the mode. */
    record Switch(DrMode to, Instant signedAt) implements Verdict {}

    /** No value may change anything; the reason says why, never the key. */
    record Refused(String reason) implements Verdict {}
  }

  public static Verdict judge(
      byte[] key, String name, List<String> values, TriggerState state, Instant now) {
    if (key.length < MIN_KEY_BYTES) {
      return new Verdict.Refused(
          "the HMAC key has " + key.length + " bytes; at least " + MIN_KEY_BYTES + " are needed");
    }
    List<String> problems = new ArrayList<>();
    List<TriggerRecord> valid = new ArrayList<>();
    for (String value : values) {
      try {
        Optional<TriggerRecord> record = TriggerRecord.parse(value);
        if (record.isEmpty()) {
          continue;
        }
        if (record.get().signedBy(key, name)) {
          valid.add(record.get());
        } else {
          problems.add(
              "a value's signature does not verify with the key (forged, edited, or"
                  + " signed for another name)");
        }
      } catch (IllegalArgumentException e) {
        problems.add("a value is " + e.getMessage());
      }
    }
    Optional<TriggerRecord> newest =
        valid.stream().max(Comparator.comparing(TriggerRecord::signedAt));
    if (newest.isEmpty()) {
      return new Verdict.Refused(
          problems.isEmpty()
              ? "no failover-dr=v1 value at " + TriggerRecord.canonical(name)
              : String.join("; ", problems));
    }
    TriggerRecord record = newest.get();
    if (record.signedAt().isAfter(now.plus(CLOCK_SKEW))) {
      return new Verdict.Refused(
          "the newest value is signed at "
              + record.signedAt()
              + ", more than "
              + CLOCK_SKEW.toMinutes()
              + "m in the future; check the signer's clock");
    }
    if (record.mode() == state.mode()) {
      return new Verdict.Confirmed(record.mode(), record.signedAt());
    }
    if (state.switchedBy() != null && !record.signedAt().isAfter(state.switchedBy())) {
      return new Verdict.Refused(
          "replayed: the mode="
              + record.mode()
              + " value is signed at "
              + record.signedAt()
              + ", not after the value that last switched modes ("
              + state.switchedBy()
              + ")");
    }
    if (record.signedAt().plus(MAX_AGE).isBefore(now)) {
      return new Verdict.Refused(
          "stale: the mode="
              + record.mode()
              + " value is signed at "
              + record.signedAt()
              + ", more than "
              + MAX_AGE.toMinutes()
              + "m ago; sign a new one");
    }
    return new Verdict.Switch(record.mode(), record.signedAt());
  }
}
