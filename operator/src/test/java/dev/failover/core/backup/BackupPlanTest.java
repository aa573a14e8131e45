package dev.failover.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupPlanTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final BackupPlan EVERY_SIX_HOURS_KEEP_THREE =
      new BackupPlan(Duration.ofHours(6), 3);

  private static BackupCopy copy(String name, long hoursAgo) {
    return new BackupCopy(name, NOW.minus(Duration.ofHours(hoursAgo)), 100);
  }

  @Test
  void theFirstBackupIsDueAtOnceAndTheNextAnIntervalAfterTheNewest() {
    assertThat(EVERY_SIX_HOURS_KEEP_THREE.due(List.of(), NOW)).isEqualTo(NOW);
    assertThat(EVERY_SIX_HOURS_KEEP_THREE.due(List.of(copy("a", 10), copy("b", 4)), NOW))
        .isEqualTo(NOW.plus(Duration.ofHours(2)));
  }

  @Test
  void theOldestPastRetainCopiesArePrunedOldestFirst() {
    List<BackupCopy> copies =
        List.of(copy("c", 12), copy("e", 0), copy("a", 24), copy("d", 6), copy("b", 18));
    assertThat(EVERY_SIX_HOURS_KEEP_THREE.toPrune(copies))
        .extracting(BackupCopy::reference)
        .containsExactly("a", "b");
    assertThat(EVERY_SIX_HOURS_KEEP_THREE.toPrune(copies.subList(0, 3))).isEmpty();
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new BackupPlan(Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackupPlan(Duration.ofHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
