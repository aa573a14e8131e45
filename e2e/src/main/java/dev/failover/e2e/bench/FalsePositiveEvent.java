package dev.failover.e2e.bench;

import java.time.Instant;

/**
 * One raw event of the false-positive benchmark, a line of its CSV: a link drop, cut or restore, a
 * data center's phase change, a policy's change of active data center, or a move of a workload.
 */
record FalsePositiveEvent(Instant at, String scenario, String kind, String subject, String detail) {
  static final String CSV_HEADER = "at,scenario,kind,subject,detail";

  String csvLine() {
    return String.join(
        ",", at.toString(), scenario, kind, subject, '"' + detail.replace("\"", "\"\"") + '"');
  }
}
