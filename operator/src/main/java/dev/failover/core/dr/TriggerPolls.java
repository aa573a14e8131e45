package dev.failover.core.dr;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of the trigger's name does to the mode. Only a verified value switches it; every
 * failure keeps the mode and says why, as the condition {@code TriggerReadable} (the rules are in
 * {@link dev.failover.core.dr}).
 */
public final class TriggerPolls {
  private TriggerPolls() {}

  /** What the resolver answered. */
  public sealed interface Answer {
    /** NOERROR, with these TXT values (each record's strings joined), possibly none. */
    record Values(List<String> values) implements Answer {
      public Values {
        values = List.copyOf(values);
      }
    }

    /** NXDOMAIN: the name does not exist. */
    record NoSuchName() implements Answer {}

    /** SERVFAIL, REFUSED or another error code, by name. */
    record Failed(String rcode) implements Answer {}

    /** No answer within the timeout, over UDP and then TCP, or no resolver could be reached. */
    record NoAnswer(String why) implements Answer {}
  }

  /**
   * @param readable whether the record could be read and verified ({@code TriggerReadable})
   * @param switched whether this poll switched the mode
   * @param reason the condition's reason
   * @param verifiedSignedAt the signing time of the value that verified; null when none did
   */
  public record Outcome(
      TriggerState state,
      boolean readable,
      boolean switched,
      String reason,
      String message,
      Instant verifiedSignedAt) {}

  public static Outcome after(
      Answer answer, byte[] key, String name, TriggerState state, Instant now) {
    String keeps = "; the mode stays " + state.mode();
    if (answer instanceof Answer.Values values) {
      return judged(values.values(), key, name, state, now, keeps);
    }
    if (answer instanceof Answer.NoSuchName) {
      return new Outcome(
          state,
          false,
          false,
          "NoSuchName",
          TriggerRecord.canonical(name)
              + " does not exist (NXDOMAIN)"
              + keeps
              + ": only a signed mode=off value ends disaster-recovery mode",
          null);
    }
    if (answer instanceof Answer.Failed failed) {
      return new Outcome(
          state,
          false,
          false,
          "ResolverError",
          "the resolver answered "
              + failed.rcode()
              + " for "
              + TriggerRecord.canonical(name)
              + keeps,
          null);
    }
    Answer.NoAnswer silent = (Answer.NoAnswer) answer;
    return new Outcome(state, false, false, "ResolverUnreachable", silent.why() + keeps, null);
  }

  private static Outcome judged(
      List<String> values, byte[] key, String name, TriggerState state, Instant now, String keeps) {
    TriggerVerifier.Verdict verdict = TriggerVerifier.judge(key, name, values, state, now);
    if (verdict instanceof TriggerVerifier.Verdict.Confirmed confirmed) {
      return new Outcome(
          state,
          true,
          false,
          "Verified",
          "a value signed at " + confirmed.signedAt() + " confirms mode=" + confirmed.mode(),
          confirmed.signedAt());
    }
    if (verdict instanceof TriggerVerifier.Verdict.Switch change) {
      return new Outcome(
          new TriggerState(change.to(), change.signedAt()),
          true,
          true,
          "Verified",
          "a value signed at " + change.signedAt() + " switched to mode=" + change.to(),
          change.signedAt());
    }
    TriggerVerifier.Verdict.Refused refused = (TriggerVerifier.Verdict.Refused) verdict;
    return new Outcome(state, false, false, "ValueRefused", refused.reason() + keeps, null);
  }
}
