package dev.failover.core.health;

import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator knows about one data center's health after its latest probe.
 *
 * @param phaseSince when the data center entered {@code phase}
 * @param window the recent probes, for latency percentiles and error rate
 * @param belowBandSince while Degraded: since when the window has stayed within the recovery band;
 *     null otherwise
 * @param reason why the last phase transition happened, for people
 * @param credentialFault what the data center said when it last turned our credentials or trust
 *     away (401, 403, TLS), for people; null once a probe succeeds again. It never changes the
 *     phase: the data center answered, so it is no evidence of a blackout
 */
public record HealthState(
    DataCenterPhase phase,
    Instant phaseSince,
    int consecutiveFailures,
    int consecutiveSuccesses,
    SampleWindow window,
    Instant belowBandSince,
    String reason,
    String credentialFault) {

  public HealthState {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(phaseSince, "phaseSince");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reason, "reason");
  }

  /** A state with no credential fault. */
  public HealthState(
      DataCenterPhase phase,
      Instant phaseSince,
      int consecutiveFailures,
      int consecutiveSuccesses,
      SampleWindow window,
      Instant belowBandSince,
      String reason) {
    this(
        phase,
        phaseSince,
        consecutiveFailures,
        consecutiveSuccesses,
        window,
        belowBandSince,
        reason,
        null);
  }

  public Optional<String> credentialFaultMessage() {
    return Optional.ofNullable(credentialFault);
  }

  /** Pending until the first probe. */
  public static HealthState initial(Instant now) {
    return new HealthState(
        DataCenterPhase.Pending, now, 0, 0, SampleWindow.empty(), null, "not probed yet");
  }

  /**
   * A state read back from status after a restart: the phase, since when and the failure count
   * survive; the probe samples do not.
   */
  public static HealthState restored(
      DataCenterPhase phase,
      Instant since,
      int consecutiveFailures,
      int consecutiveSuccesses,
      String reason) {
    return new HealthState(
        phase,
        since,
        consecutiveFailures,
        consecutiveSuccesses,
        SampleWindow.empty(),
        null,
        reason == null ? "restored from status" : reason);
  }

  /**
   * Whether this state says something the status should carry at once, rather than at its next
   * periodic refresh: a new phase, a credential fault found or gone, or a failure count on its way
   * to the blackout threshold (or back to zero). Failures past the threshold change nothing but a
   * number, and publishing each would patch a down data center's status, and wake every policy, on
   * every probe.
   */
  public boolean newsSince(HealthState before, HealthThresholds thresholds) {
    if (phase != before.phase || !Objects.equals(credentialFault, before.credentialFault)) {
      return true;
    }
    return consecutiveFailures != before.consecutiveFailures
        && Math.min(consecutiveFailures, before.consecutiveFailures)
            < thresholds.failureThreshold();
  }

  public Optional<LatencyPercentiles> latency() {
    return window.latency();
  }

  public double errorRatePercent() {
    return window.errorRatePercent();
  }

  HealthState counting(ProbeResult probe, HealthThresholds thresholds) {
    SampleWindow next = window.plus(probe, thresholds.brownoutWindow());
    // Only a success proves the credentials good again; a refusal or a hang cannot tell.
    return probe.ok()
        ? new HealthState(
            phase, phaseSince, 0, consecutiveSuccesses + 1, next, belowBandSince, reason, null)
        : new HealthState(
            phase,
            phaseSince,
            consecutiveFailures + 1,
            0,
            next,
            belowBandSince,
            reason,
            credentialFault);
  }

  /** Notes a credential fault and nothing else: counters, window and phase stay. */
  HealthState rejectingCredentials(String fault) {
    return new HealthState(
        phase,
        phaseSince,
        consecutiveFailures,
        consecutiveSuccesses,
        window,
        belowBandSince,
        reason,
        fault);
  }

  /** Moves to {@code next}; staying in the same phase keeps its start time and reason. */
  HealthState enter(DataCenterPhase next, Instant now, String why) {
    if (next == phase) {
      return this;
    }
    return new HealthState(
        next, now, consecutiveFailures, consecutiveSuccesses, window, null, why, credentialFault);
  }

  /**
   * Forgets every probe but the newest: the failed probes of a blackout say nothing about a
   * brownout after it, and left in the window they would make a recovered data center look Degraded
   * for a whole window.
   */
  HealthState forgettingEarlierProbes() {
    SampleWindow fresh =
        window.newest().map(SampleWindow.empty()::startingWith).orElse(SampleWindow.empty());
    return new HealthState(
        phase,
        phaseSince,
        consecutiveFailures,
        consecutiveSuccesses,
        fresh,
        belowBandSince,
        reason,
        credentialFault);
  }

  HealthState withBelowBandSince(Instant since) {
    return new HealthState(
        phase,
        phaseSince,
        consecutiveFailures,
        consecutiveSuccesses,
        window,
        since,
        reason,
        credentialFault);
  }
}
