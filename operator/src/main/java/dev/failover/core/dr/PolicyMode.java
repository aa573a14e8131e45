package dev.failover.core.dr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy's disaster-recovery mode from its two triggers, either of which suffices: the manual
 * switch ({@code trigger.manual}) and the mode the signed DNS record last set. The mode is on while
 * either says on, and off once neither does.
 *
 * @param mode the mode now
 * @param since when it took this value (kept while it does not change)
 * @param reason why, for the condition: {@link #MANUAL_SWITCH}, {@link #SIGNED_RECORD} or {@link
 *     #NORMAL}
 */
public record PolicyMode(DrMode mode, Instant since, String reason) {
  public static final String MANUAL_SWITCH = "ManualSwitch";
  public static final String SIGNED_RECORD = "SignedRecord";
  public static final String NORMAL = "NormalOperation";

  public PolicyMode {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
  }

  /** The mode of a policy never switched: off, since it was first seen. */
  public static PolicyMode initial(Instant now) {
    return new PolicyMode(DrMode.off, now, NORMAL);
  }

  /**
   * The mode after this look at the triggers.
   *
   * @param previous the mode as persisted
   * @param manual the manual switch
   * @param record the mode the signed record set; empty when the policy has no DNS trigger
   */
  public static PolicyMode next(
      PolicyMode previous, boolean manual, Optional<DrMode> record, Instant now) {
    boolean recordOn = record.filter(DrMode.on::equals).isPresent();
    DrMode mode = manual || recordOn ? DrMode.on : DrMode.off;
    String reason = manual ? MANUAL_SWITCH : recordOn ? SIGNED_RECORD : NORMAL;
    Instant since = mode == previous.mode() ? previous.since() : now;
    return new PolicyMode(mode, since, reason);
  }

  /** Whether going from {@code previous} to this switched modes. */
  public boolean switchedFrom(PolicyMode previous) {
    return mode != previous.mode();
  }

  /** The condition's message. */
  public String message() {
    return switch (reason) {
      case MANUAL_SWITCH ->
          "spec.disasterRecovery.trigger.manual is true: only the critical" + " applications run";
      case SIGNED_RECORD ->
          "a signed mode=on value at the trigger's DNS name: only the critical"
              + " applications run";
      default -> "normal operation: every application runs";
    };
  }
}
