package dev.failover.core.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyModeTest {
  private static final Instant EARLIER = Instant.parse("2026-12-01T07:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final PolicyMode OFF = new PolicyMode(DrMode.off, EARLIER, PolicyMode.NORMAL);
  private static final PolicyMode ON_BY_RECORD =
      new PolicyMode(DrMode.on, EARLIER, PolicyMode.SIGNED_RECORD);

  @Test
  void theManualSwitchAloneTurnsTheModeOn() {
    PolicyMode next = PolicyMode.next(OFF, true, Optional.empty(), NOW);
    assertThat(next).isEqualTo(new PolicyMode(DrMode.on, NOW, PolicyMode.MANUAL_SWITCH));
    assertThat(next.switchedFrom(OFF)).isTrue();
    assertThat(next.message()).contains("trigger.manual is true");
  }

  @Test
  void aSignedRecordAloneTurnsTheModeOn() {
    PolicyMode next = PolicyMode.next(OFF, false, Optional.of(DrMode.on), NOW);
    assertThat(next).isEqualTo(new PolicyMode(DrMode.on, NOW, PolicyMode.SIGNED_RECORD));
    assertThat(next.message()).contains("signed mode=on");
  }

  @Test
  void eitherTriggerKeepsTheModeOnAndItsSinceStays() {
    PolicyMode both = PolicyMode.next(ON_BY_RECORD, true, Optional.of(DrMode.on), NOW);
    assertThat(both.mode()).isEqualTo(DrMode.on);
    assertThat(both.since()).as("no switch: the time it went on stays").isEqualTo(EARLIER);
    assertThat(both.reason()).isEqualTo(PolicyMode.MANUAL_SWITCH);
    assertThat(both.switchedFrom(ON_BY_RECORD)).isFalse();

    PolicyMode recordOffManualOn = PolicyMode.next(both, true, Optional.of(DrMode.off), NOW);
    assertThat(recordOffManualOn.mode()).isEqualTo(DrMode.on);
    assertThat(recordOffManualOn.switchedFrom(both)).isFalse();
  }

  @Test
  void theModeEndsOnlyWhenNeitherTriggerSaysOn() {
    PolicyMode manualOff = PolicyMode.next(ON_BY_RECORD, false, Optional.of(DrMode.on), NOW);
    assertThat(manualOff.mode()).as("the record still says on").isEqualTo(DrMode.on);

    PolicyMode cleared = PolicyMode.next(ON_BY_RECORD, false, Optional.of(DrMode.off), NOW);
    assertThat(cleared).isEqualTo(new PolicyMode(DrMode.off, NOW, PolicyMode.NORMAL));
    assertThat(cleared.switchedFrom(ON_BY_RECORD)).isTrue();
    assertThat(cleared.message()).startsWith("normal operation");
  }

  @Test
  void withoutADnsTriggerOnlyTheManualSwitchCounts() {
    PolicyMode manualOn = new PolicyMode(DrMode.on, EARLIER, PolicyMode.MANUAL_SWITCH);
    assertThat(PolicyMode.next(manualOn, false, Optional.empty(), NOW).mode())
        .isEqualTo(DrMode.off);
    assertThat(PolicyMode.next(OFF, false, Optional.empty(), NOW)).isEqualTo(OFF);
  }

  @Test
  void aNewPolicyStartsOff() {
    assertThat(PolicyMode.initial(NOW))
        .isEqualTo(new PolicyMode(DrMode.off, NOW, "NormalOperation"));
  }
}
