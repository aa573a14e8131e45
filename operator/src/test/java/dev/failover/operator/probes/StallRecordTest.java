package dev.failover.operator.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StallRecordTest {
  @Test
  void countsOnlyThePartOfEachStallInsideTheSpan() {
    StallRecord record = new StallRecord(8);
    record.stalled(100, 200);
    record.stalled(300, 700);

    assertThat(record.between(0, 1_000)).isEqualTo(Duration.ofNanos(500));
    assertThat(record.between(150, 400)).isEqualTo(Duration.ofNanos(150));
    assertThat(record.between(200, 300)).isEqualTo(Duration.ZERO);
    assertThat(record.between(400, 500)).isEqualTo(Duration.ofNanos(100));
  }

  @Test
  void forgetsTheOldestWhenFull() {
    StallRecord record = new StallRecord(2);
    record.stalled(0, 10);
    record.stalled(20, 30);
    record.stalled(40, 50);

    assertThat(record.between(0, 100)).isEqualTo(Duration.ofNanos(20));
    assertThat(record.between(0, 15)).isEqualTo(Duration.ZERO);
  }

  @Test
  void readingsThatWrapAroundAreComparedByDifference() {
    StallRecord record = new StallRecord(4);
    record.stalled(Long.MAX_VALUE - 50, Long.MIN_VALUE + 50);

    assertThat(record.between(Long.MAX_VALUE - 100, Long.MIN_VALUE + 100))
        .isEqualTo(Duration.ofNanos(101));
  }

  @Test
  void emptySpansAndNoStallsCountNothing() {
    StallRecord record = new StallRecord(4);
    assertThat(record.between(0, 1_000)).isEqualTo(Duration.ZERO);
    record.stalled(10, 10);
    assertThat(record.between(0, 1_000)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> new StallRecord(0)).hasMessageContaining("at least 1");
  }

  @Test
  void aThreadThatWokeNoticeablyLateRecordsTheStallFromWhenItWasDue() {
    StallRecord record = new StallRecord(4);
    Duration tick = Duration.ofNanos(10);
    Duration noticeable = Duration.ofNanos(40);

    record.woke(0, 50, tick, noticeable);
    assertThat(record.between(0, 1_000)).as("40 late: jitter").isEqualTo(Duration.ZERO);
    record.woke(100, 151, tick, noticeable);

    assertThat(record.between(0, 1_000)).isEqualTo(Duration.ofNanos(41));
    assertThat(record.between(0, 110)).isEqualTo(Duration.ZERO);
  }
}
