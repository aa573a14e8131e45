package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleReportTest {
  @Test
  void overlapCountsMovesInFlightAtOnce() {
    Map<String, FailoverRecord> statuses =
        Map.of(
            "a", moved("10:00:00Z", "10:00:05Z"),
            "b", moved("10:00:01Z", "10:00:02Z"),
            "c", moved("10:00:03Z", "10:00:04Z"),
            "d", moved("10:00:05Z", "10:00:06Z"));

    assertThat(ScaleReport.maxOverlap(List.of("a", "b", "c", "d"), statuses)).isEqualTo(2);
  }

  @Test
  void backToBackMovesDoNotOverlap() {
    Map<String, FailoverRecord> statuses =
        Map.of("a", moved("10:00:00Z", "10:00:01Z"), "b", moved("10:00:01Z", "10:00:02Z"));

    assertThat(ScaleReport.maxOverlap(List.of("a", "b"), statuses)).isEqualTo(1);
  }

  private static FailoverRecord moved(String detected, String completed) {
    FailoverRecord record = new FailoverRecord();
    record.setDetectedAt("2026-12-01T" + detected);
    record.setCompletedAt("2026-12-01T" + completed);
    return record;
  }
}
