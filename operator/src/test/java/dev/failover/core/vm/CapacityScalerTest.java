package dev.failover.core.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.vm.CapacityScaler.CapacityDecision;
import dev.failover.core.vm.CapacityScaler.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CapacityScalerTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Threshold THRESHOLD = new Threshold(80, 70);

  private static List<UtilizationSample> cpu(double... percents) {
    List<UtilizationSample> samples = new ArrayList<>();
    for (int i = 0; i < percents.length; i++) {
      samples.add(
          new UtilizationSample(
              NOW.minusSeconds(15L * (percents.length - i)), percents[i], OptionalDouble.empty()));
    }
    return samples;
  }

  private static CapacityDecision decide(List<UtilizationSample> samples, int current) {
    return CapacityScaler.decide(
        samples, current, THRESHOLD, 2, 5, null, CapacityScaler.COOLDOWN, NOW);
  }

  @Test
  void aSingleSampleNeverProvisions() {
    CapacityDecision decision = decide(cpu(99), 0);
    assertThat(decision.additionalMachines()).isZero();
    assertThat(decision.reason()).contains("1 of 3 samples");
  }

  @Test
  void oneSpikeAmongQuietSamplesProvisionsNothing() {
    assertThat(decide(cpu(30, 95, 30), 0).additionalMachines()).isZero();
    assertThat(decide(cpu(95, 95, 79), 0).additionalMachines()).isZero();
  }

  @Test
  void threeSamplesOverTheThresholdAddOneMachine() {
    CapacityDecision decision = decide(cpu(10, 85, 90, 80), 0);
    assertThat(decision.additionalMachines()).isEqualTo(1);
    assertThat(decision.reason()).startsWith("provisioned").contains("cpu 85%, cpu 90%, cpu 80%");
  }

  @Test
  void aChangeWaitsOutTheCooldown() {
    List<UtilizationSample> hot = cpu(90, 90, 90);
    Instant justNow = NOW.minus(CapacityScaler.COOLDOWN).plusSeconds(1);
    assertThat(
            CapacityScaler.decide(hot, 1, THRESHOLD, 2, 5, justNow, CapacityScaler.COOLDOWN, NOW)
                .additionalMachines())
        .isEqualTo(1);
    Instant longAgo = NOW.minus(CapacityScaler.COOLDOWN);
    assertThat(
            CapacityScaler.decide(hot, 1, THRESHOLD, 2, 5, longAgo, CapacityScaler.COOLDOWN, NOW)
                .additionalMachines())
        .isEqualTo(2);
  }

  @Test
  void aShorterCooldownAllowsTheNextChangeSooner() {
    List<UtilizationSample> hot = cpu(90, 90, 90);
    Duration cooldown = Duration.ofSeconds(20);
    Instant changed = NOW.minusSeconds(21);
    assertThat(
            CapacityScaler.decide(hot, 1, THRESHOLD, 2, 5, changed, cooldown, NOW)
                .additionalMachines())
        .isEqualTo(2);
    assertThat(
            CapacityScaler.decide(hot, 1, THRESHOLD, 2, 5, NOW.minusSeconds(19), cooldown, NOW)
                .reason())
        .isEqualTo("over the threshold; waiting out the cooldown");
  }

  @Test
  void maxAdditionalAndTheLicenseBoundTheMachinesAdded() {
    List<UtilizationSample> hot = cpu(90, 90, 90);
    CapacityDecision atMax =
        CapacityScaler.decide(hot, 2, THRESHOLD, 2, 5, null, CapacityScaler.COOLDOWN, NOW);
    assertThat(atMax.additionalMachines()).isEqualTo(2);
    assertThat(atMax.reason()).contains("maxAdditionalVirtualMachines (2) is reached");

    CapacityDecision atLicense =
        CapacityScaler.decide(hot, 1, THRESHOLD, 3, 1, null, CapacityScaler.COOLDOWN, NOW);
    assertThat(atLicense.additionalMachines()).isEqualTo(1);
    assertThat(atLicense.reason()).contains("license.maxVirtualMachines (room for 1)");
  }

  @Test
  void machinesBeyondALoweredCeilingAreReleasedAtOnce() {
    CapacityDecision decision =
        CapacityScaler.decide(cpu(90), 3, THRESHOLD, 1, 5, NOW, CapacityScaler.COOLDOWN, NOW);
    assertThat(decision.additionalMachines()).isEqualTo(1);
    assertThat(decision.reason()).startsWith("released to 1");
  }

  @Test
  void threeSamplesWellUnderReleaseOneMachine() {
    CapacityDecision decision = decide(cpu(20, 30, 59), 2);
    assertThat(decision.additionalMachines()).isEqualTo(1);
    assertThat(decision.reason()).startsWith("released").contains("20 points");
  }

  @Test
  void betweenTheThresholdAndTheHysteresisNothingChanges() {
    assertThat(decide(cpu(60, 70, 79), 1).additionalMachines()).isEqualTo(1);
    assertThat(decide(cpu(60, 70, 79), 1).reason()).startsWith("within the threshold");
    assertThat(decide(cpu(10, 10, 10), 0).additionalMachines()).as("nothing to release").isZero();
  }

  @Test
  void ioCountsWhereItIsMeasured() {
    List<UtilizationSample> ioBound = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ioBound.add(new UtilizationSample(NOW.minusSeconds(i), 10, OptionalDouble.of(75)));
    }
    assertThat(decide(ioBound, 0).additionalMachines()).isEqualTo(1);
    assertThat(decide(ioBound, 0).reason()).contains("io 75%");

    List<UtilizationSample> ioBusy = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ioBusy.add(new UtilizationSample(NOW.minusSeconds(i), 10, OptionalDouble.of(60)));
    }
    assertThat(decide(ioBusy, 1).additionalMachines())
        .as("CPU is idle but I/O is within 20 points of its threshold: keep the machine")
        .isEqualTo(1);
  }

  @Test
  void theCooldownIsLongerThanTheSamplesThatDecide() {
    assertThat(CapacityScaler.COOLDOWN)
        .isGreaterThan(Duration.ofSeconds(15L * CapacityScaler.SUSTAINED));
  }
}
