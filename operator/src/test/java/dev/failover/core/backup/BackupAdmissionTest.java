package dev.failover.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.backup.BackupAdmission.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BackupAdmissionTest {
  private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");
  private static final BackupPlan KEEP_TWO = new BackupPlan(Duration.ofHours(1), 2);
  private static final long MIB = 1024 * 1024;

  private static BackupCopy copy(String name, int hoursAgo, long bytes) {
    return new BackupCopy(name, T.minus(Duration.ofHours(hoursAgo)), bytes);
  }

  private static BackupAdmission admit(List<BackupCopy> copies, long next, long used, long cap) {
    return BackupAdmission.admit(KEEP_TWO, copies, next, T, used, cap, 80, MIB);
  }

  @Test
  void aFirstBackupWithRoomIsStoredAndPrunesNothing() {
    BackupAdmission admission = admit(List.of(), 100, 0, 10_000);
    assertThat(admission.outcome()).isEqualTo(Outcome.Store);
    assertThat(admission.stores()).isTrue();
    assertThat(admission.toPrune()).isEmpty();
    assertThat(admission.usagePercentAfter()).isEqualTo(1.0);
  }

  @Test
  void theOldestCopiesPastRetainCopiesCountingTheNewOneArePruned() {
    List<BackupCopy> copies = List.of(copy("b", 2, 100), copy("a", 3, 100), copy("c", 1, 100));
    BackupAdmission admission = admit(copies, 100, 300, 10_000);
    assertThat(admission.outcome()).isEqualTo(Outcome.Store);
    assertThat(admission.toPrune()).extracting(BackupCopy::reference).containsExactly("a", "b");
    assertThat(admission.usagePercentAfter()).isEqualTo(2.0);
  }

  @Test
  void whatPruningFreesMakesRoomForTheNextBackup() {
    // 7,900 used of 10,000 with a limit of 8,000: 200 more fits only because 100 is pruned first.
    List<BackupCopy> copies = List.of(copy("old", 2, 100), copy("new", 1, 100));
    BackupAdmission admission = admit(copies, 200, 7_900, 10_000);
    assertThat(admission.stores()).isTrue();
    assertThat(admission.toPrune()).extracting(BackupCopy::reference).containsExactly("old");
    assertThat(admission.usagePercentAfter()).isEqualTo(80.0);
  }

  @Test
  void aBackupWhoseNextWouldPassTheLimitIsStoredWithAWarning() {
    BackupAdmission admission = admit(List.of(), 1_000, 6_500, 10_000);
    assertThat(admission.outcome()).isEqualTo(Outcome.StoreWithWarning);
    assertThat(admission.message()).contains("nears its limit").contains("75.0%");
    assertThat(admission.usagePercentAfter()).isEqualTo(75.0);
  }

  @Test
  void aBackupThatWouldPassTheLimitIsRefusedAndPrunesNothing() {
    List<BackupCopy> copies = List.of(copy("old", 2, 10), copy("new", 1, 10));
    BackupAdmission admission = admit(copies, 1_000, 7_500, 10_000);
    assertThat(admission.outcome()).isEqualTo(Outcome.Refused);
    assertThat(admission.stores()).isFalse();
    assertThat(admission.toPrune()).isEmpty();
    assertThat(admission.message()).contains("does not run");
    assertThat(admission.usagePercentAfter()).isEqualTo(75.0);
  }

  @Test
  void aBackupLargerThanOneEntryHoldsIsTooLargeWhateverTheRoom() {
    BackupAdmission admission = admit(List.of(copy("a", 1, 10)), MIB + 1, 0, 1_000 * MIB);
    assertThat(admission.outcome()).isEqualTo(Outcome.TooLarge);
    assertThat(admission.toPrune()).isEmpty();
    assertThat(admission.message()).contains(String.valueOf(MIB + 1)).contains("not stored");
  }

  @Test
  void aStoreOfUnknownCapacityRefusesAndShowsNoUsage() {
    BackupAdmission admission = admit(List.of(), 1, 0, 0);
    assertThat(admission.outcome()).isEqualTo(Outcome.Refused);
    assertThat(admission.message()).contains("capacity is unknown");
    assertThat(admission.usagePercentAfter()).isZero();
  }

  @Property
  void aStoredBackupNeverLeavesTheStoreOverItsLimit(
      @ForAll @LongRange(min = 0, max = 1_000_000) long used,
      @ForAll @LongRange(min = 0, max = 300_000) long next,
      @ForAll @LongRange(min = 1, max = 2_000_000) long capacity,
      @ForAll @IntRange(min = 1, max = 100) int max) {
    BackupAdmission admission =
        BackupAdmission.admit(KEEP_TWO, List.of(), next, T, used, capacity, max, MIB);
    if (admission.stores()) {
      assertThat((used + next) * 100).isLessThanOrEqualTo(capacity * (long) max + 99);
    }
  }
}
