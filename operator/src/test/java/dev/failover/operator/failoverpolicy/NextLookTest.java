package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextLookTest {
  @Test
  void aSettledServingPolicyWatchedEverywhereIsLookedAtEveryFiveMinutes() {
    assertThat(NextLook.after(false, false, Optional.empty(), false, true))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void withoutAWatchOrWhileNotServingItIsLookedAtEveryFifteenSeconds() {
    assertThat(NextLook.after(false, false, Optional.empty(), false, false))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aMoveUnderWayIsFollowedEveryHalfSecondWhateverElseHolds() {
    assertThat(NextLook.after(true, false, Optional.of(Duration.ofSeconds(9)), true, true))
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aBackOffIsWaitedOutButNeverLongerThanTheSettledLookNorShorterThanTheMovingOne() {
    assertThat(NextLook.after(false, false, Optional.of(Duration.ofSeconds(3)), false, true))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(NextLook.after(false, false, Optional.of(Duration.ofMinutes(2)), false, true))
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(NextLook.after(false, false, Optional.of(Duration.ofMillis(-20)), false, true))
        .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void awayFromAHealthyPrimaryWithAutomaticFailbackItLooksEveryTwoSeconds() {
    assertThat(NextLook.after(false, false, Optional.empty(), true, true))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void anAutomaticFailbackWatchedEverywhereIsWokenByReadinessAndLooksEveryTwoSeconds() {
    assertThat(NextLook.after(true, true, Optional.empty(), false, true))
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aFailbackUnwatchedOrNotServingOrBackingOffIsFollowedEveryHalfSecond() {
    assertThat(NextLook.after(true, true, Optional.empty(), false, false))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(NextLook.after(true, true, Optional.of(Duration.ofSeconds(1)), false, true))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(NextLook.after(true, false, Optional.empty(), false, true))
        .as("a failover, or a failback a person asked for")
        .isEqualTo(Duration.ofMillis(500));
  }
}
