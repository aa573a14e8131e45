package dev.failover.core.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.FaultRecord;
import dev.failover.api.v1alpha1.chaosrestoretest.FaultVerdict;
import dev.failover.core.chaos.RestoreVerdict.FaultOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The recorded faults judged against the maximum recovery time. Pure. */
public final class FaultRecoveries {
  private FaultRecoveries() {}

  /** The verdict of a fault recovered from after {@code recovery}. */
  public static FaultVerdict judge(Duration recovery, Duration maxRecovery) {
    return recovery.compareTo(maxRecovery) > 0 ? FaultVerdict.TooSlow : FaultVerdict.Recovered;
  }

  /** Whether a fault still not recovered from at {@code now} has run out of time. */
  public static boolean overdue(Instant injectedAt, Instant now, Duration maxRecovery) {
    return Duration.between(injectedAt, now).compareTo(maxRecovery) > 0;
  }

  /** The records as outcomes for {@link RestoreVerdict}; one without recoveredAt was not. */
  public static List<FaultOutcome> outcomes(List<FaultRecord> records) {
    return records.stream()
        .map(
            record ->
                new FaultOutcome(
                    new PlannedFault(record.getKind(), record.getTarget()),
                    Optional.ofNullable(record.getRecoveredAt())
                        .map(
                            recovered ->
                                Duration.between(
                                    Instant.parse(record.getInjectedAt()),
                                    Instant.parse(recovered)))))
        .toList();
  }
}
