package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.core.DurationText;
import dev.failover.core.health.ConfirmationProbes;
import dev.failover.core.health.HealthThresholds;
import dev.failover.operator.probes.ProbeSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a DataCenter's probe settings. The CRD schema defaults every field; the fallbacks here
 * equal those defaults and only matter for objects stored before a default existed.
 */
public final class ProbeSettingsMapper {
  /** A brownout ends only once latency and error rate are back under 80% of their thresholds. */
  private static final int BROWNOUT_RECOVERY_PERCENT = 80;

  private ProbeSettingsMapper() {}

  public static ProbeSettings from(ProbeSpec spec) {
    ProbeSpec probe = spec == null ? new ProbeSpec() : spec;
    return new ProbeSettings(
        duration(probe.getInterval(), "2s"),
        duration(probe.getTimeout(), "1s"),
        new HealthThresholds(
            Optional.ofNullable(probe.getFailureThreshold()).orElse(3),
            Optional.ofNullable(probe.getSuccessThreshold()).orElse(3),
            Duration.ofMillis(
                Optional.ofNullable(probe.getBrownoutLatencyThresholdMs()).orElse(500)),
            (int) Math.round(Optional.ofNullable(probe.getBrownoutErrorRatePercent()).orElse(5.0)),
            duration(probe.getBrownoutWindow(), "30s"),
            BROWNOUT_RECOVERY_PERCENT,
            duration(probe.getProbation(), "30s")),
        new ConfirmationProbes(duration(probe.getConfirmInterval(), "200ms")));
  }

  private static Duration duration(String text, String fallback) {
    return DurationText.parse(text == null ? fallback : text);
  }
}
