package dev.failover.operator.policyhealth;

import dev.failover.api.v1alpha1.failoverpolicy.Detection;
import dev.failover.core.DurationText;
import dev.failover.core.health.HealthThresholds;
import dev.failover.core.pool.PoolRetry;
import dev.failover.operator.probes.ProbeSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * A policy's detection settings laid over a data center's probe settings: each field the policy
 * sets wins, the rest stay the data center's.
 */
public final class PolicyDetection {
  private PolicyDetection() {}

  /**
   * The settings to judge the data center's API-server probes with for this policy; empty when the
   * policy changes nothing that judgement uses, so the data center's own verdict stands.
   */
  public static Optional<HealthThresholds> forApiServer(
      ProbeSettings dataCenter, Detection detection) {
    if (detection == null
        || (detection.getFailureThreshold() == null
            && detection.getBrownoutLatencyThresholdMs() == null
            && detection.getBrownoutWindow() == null)) {
      return Optional.empty();
    }
    HealthThresholds thresholds =
        overlay(dataCenter.thresholds(), detection, dataCenter.interval());
    return thresholds.equals(dataCenter.thresholds()) ? Optional.empty() : Optional.of(thresholds);
  }

  /**
   * How the workload's health endpoint is probed in this data center: every {@code probeInterval}
   * (else the data center's interval), with the service pool's timeout if it is one, else the data
   * center's timeout capped at that interval.
   */
  public static ProbeSettings forEndpoint(
      ProbeSettings dataCenter, Detection detection, Optional<PoolRetry> poolRetry) {
    Duration interval =
        Optional.ofNullable(detection)
            .map(Detection::getProbeInterval)
            .map(DurationText::parse)
            .orElse(dataCenter.interval());
    Duration timeout =
        poolRetry
            .map(PoolRetry::timeout)
            .orElse(dataCenter.timeout().compareTo(interval) > 0 ? interval : dataCenter.timeout());
    return new ProbeSettings(
        interval,
        timeout,
        overlay(dataCenter.thresholds(), detection, interval),
        dataCenter.confirmation());
  }

  private static HealthThresholds overlay(
      HealthThresholds base, Detection detection, Duration interval) {
    if (detection == null) {
      return base;
    }
    Duration window =
        Optional.ofNullable(detection.getBrownoutWindow())
            .map(DurationText::parse)
            .orElse(base.brownoutWindow());
    return new HealthThresholds(
        Optional.ofNullable(detection.getFailureThreshold()).orElse(base.failureThreshold()),
        base.recoveryThreshold(),
        Optional.ofNullable(detection.getBrownoutLatencyThresholdMs())
            .map(Duration::ofMillis)
            .orElse(base.brownoutLatency()),
        base.brownoutErrorRatePercent(),
        // A window shorter than one probe would judge brownouts on a single sample.
        window.compareTo(interval) < 0 ? interval : window,
        base.brownoutRecoveryPercent(),
        base.probationDuration());
  }
}
