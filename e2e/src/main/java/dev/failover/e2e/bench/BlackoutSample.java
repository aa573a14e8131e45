package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One blackout as one policy lived it: from the cut to the operator's decision to move (whatever
 * rule triggered it, named by {@code reason}), and from there to the DNSEndpoint pointing at the
 * new data center, read back from the hub (no DNS server answers in this benchmark).
 */
record BlackoutSample(
    int run,
    String standby,
    CutKind cut,
    String from,
    String to,
    String reason,
    Instant cutAt,
    Instant detectedAt,
    Instant completedAt) {

  static final String CSV_HEADER =
      "run,standby,cut,from,to,trigger,reason,cut_at,detected_at,completed_at,detection_ms,"
          + "beyond_ms,rto_ms";

  static BlackoutSample of(
      int run, String standby, CutKind cut, Instant cutAt, FailoverRecord failover) {
    return new BlackoutSample(
        run,
        standby,
        cut,
        failover.getFrom(),
        failover.getTo(),
        failover.getReason() == null ? "" : failover.getReason(),
        cutAt,
        Instant.parse(failover.getDetectedAt()),
        Instant.parse(failover.getCompletedAt()));
  }

  long detectionMs() {
    return Duration.between(cutAt, detectedAt).toMillis();
  }

  long beyondMs() {
    return Duration.between(detectedAt, completedAt).toMillis();
  }

  long rtoMs() {
    return detectionMs() + beyondMs();
  }

  /** The rule that moved the policy: the reason's first word, e.g. blackout or brownout. */
  String trigger() {
    int colon = reason.indexOf(':');
    return (colon < 0 ? reason : reason.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
  }

  String csvLine() {
    return String.join(
        ",",
        String.valueOf(run),
        standby,
        cut.name(),
        from,
        to,
        trigger(),
        '"' + reason.replace("\"", "\"\"") + '"',
        cutAt.toString(),
        detectedAt.toString(),
        completedAt.toString(),
        String.valueOf(detectionMs()),
        String.valueOf(beyondMs()),
        String.valueOf(rtoMs()));
  }
}
