package dev.failover.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.backup.StorageGuard.Verdict;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StorageGuardTest {
  private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
  private static final long GB = 1_000_000_000L;

  private static List<BackupCopy> copies(long... sizes) {
    return java.util.stream.LongStream.of(sizes)
        .mapToObj(size -> new BackupCopy("b" + size, T, size))
        .toList();
  }

  @Test
  void roomForTheNextBackupAndTheOneAfterIsAllowed() {
    StorageGuard.Check check =
        StorageGuard.check(30 * GB, 100 * GB, copies(10 * GB), List.of(), 80);
    assertThat(check.verdict()).isEqualTo(Verdict.Allowed);
    assertThat(check.message()).isEqualTo("40.0% of the store after the next backup (limit 80%)");
  }

  @Test
  void theAlertComesOneBackupBeforeTheRefusal() {
    // 65 GB used, 10 GB per backup: the next makes 75 (under 80), the one after 85.
    StorageGuard.Check warning =
        StorageGuard.check(65 * GB, 100 * GB, copies(10 * GB), List.of(), 80);
    assertThat(warning.verdict()).isEqualTo(Verdict.Warning);
    assertThat(warning.message()).startsWith("the backup store nears its limit: 75.0%");
    StorageGuard.Check refused =
        StorageGuard.check(75 * GB, 100 * GB, copies(10 * GB), List.of(), 80);
    assertThat(refused.verdict()).isEqualTo(Verdict.Refused);
    assertThat(refused.message()).contains("85.0%").endsWith("it does not run");
  }

  @Test
  void whatPruningFreesCountsFirst() {
    assertThat(
            StorageGuard.check(75 * GB, 100 * GB, copies(10 * GB), copies(10 * GB, 10 * GB), 80)
                .verdict())
        .isEqualTo(Verdict.Allowed);
  }

  @Test
  void anUnmeasuredStoreRefuses() {
    assertThat(StorageGuard.check(0, 0, List.of(), List.of(), 80).verdict())
        .isEqualTo(Verdict.Refused);
  }

  @Property
  void anAllowedOrWarnedBackupNeverPassesTheLimit(
      @ForAll @LongRange(min = 0, max = 1_000) long usedGb,
      @ForAll @LongRange(min = 1, max = 1_000) long capacityGb,
      @ForAll @LongRange(min = 0, max = 200) long backupGb,
      @ForAll @IntRange(min = 1, max = 100) int maxPercent) {
    StorageGuard.Check check =
        StorageGuard.check(
            usedGb * GB, capacityGb * GB, copies(backupGb * GB), List.of(), maxPercent);
    if (check.verdict() != Verdict.Refused) {
      assertThat((usedGb + backupGb) * 100).isLessThanOrEqualTo(capacityGb * maxPercent);
    }
  }

  @Test
  void aBackupOfKnownSizeIsJudgedByThatSizeNotTheLargestKept() {
    assertThat(StorageGuard.checkSized(60 * GB, 100 * GB, 15 * GB, 0, 80).verdict())
        .isEqualTo(Verdict.Warning);
    assertThat(StorageGuard.checkSized(60 * GB, 100 * GB, 5 * GB, 0, 80).verdict())
        .isEqualTo(Verdict.Allowed);
    assertThat(StorageGuard.checkSized(60 * GB, 100 * GB, 21 * GB, 0, 80).verdict())
        .isEqualTo(Verdict.Refused);
  }

  @Test
  void aBackupOfKnownSizeCountsWhatPruningFrees() {
    assertThat(StorageGuard.checkSized(79 * GB, 100 * GB, 10 * GB, 20 * GB, 80).verdict())
        .isEqualTo(Verdict.Allowed);
    assertThat(StorageGuard.checkSized(79 * GB, 100 * GB, 10 * GB, 0, 80).verdict())
        .isEqualTo(Verdict.Refused);
  }

  @Test
  void aStoreOfUnknownCapacityRefusesABackupOfKnownSize() {
    assertThat(StorageGuard.checkSized(0, 0, 1, 0, 80).verdict()).isEqualTo(Verdict.Refused);
  }
}
