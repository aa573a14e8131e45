package dev.failover.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExclusionTest {
  private static final Instant TEN = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void isActiveUpToButNotIncludingItsEnd() {
    Exclusion exclusion = Exclusion.endingAt(TEN, "maintenance");

    assertThat(exclusion.activeAt(TEN.minusMillis(1))).isTrue();
    assertThat(exclusion.activeAt(TEN)).isFalse();
    assertThat(exclusion.activeAt(TEN.plusSeconds(1))).isFalse();
  }

  @Test
  void drainWithoutAnEndIsAlwaysActive() {
    Exclusion drain = Exclusion.indefinite("decommission");

    assertThat(drain.activeAt(Instant.MAX)).isTrue();
    assertThat(drain.until()).isNull();
  }

  @Test
  void describesItselfForStatusMessages() {
    assertThat(Exclusion.endingAt(TEN, "").describe()).isEqualTo("excluded until " + TEN);
    assertThat(Exclusion.indefinite("").describe()).isEqualTo("drained");
  }

  @Test
  void endingAtNeedsAnEnd() {
    assertThatThrownBy(() -> Exclusion.endingAt(null, "x")).hasMessageContaining("until");
  }
}
