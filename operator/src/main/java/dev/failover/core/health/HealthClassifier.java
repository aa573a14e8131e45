package dev.failover.core.health;

import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Degraded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Excluded;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Healthy;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Pending;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Probation;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Restoring;
import static dev.failover.api.v1alpha1.datacenter.DataCenterPhase.Unreachable;

import dev.failover.core.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a stream of probes into a data-center phase, with hysteresis so that a flapping data center
 * does not flap its phase. The exact rules are in {@code package-info.java}.
 */
public final class HealthClassifier {
  private final HealthThresholds thresholds;
  private final BrownoutDetector brownout;

  public HealthClassifier(HealthThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.brownout = new BrownoutDetector(thresholds);
  }

  /** The state after one more probe. A probe older than the newest one seen is ignored. */
  public HealthState onProbe(
      HealthState previous, ProbeResult probe, Optional<Exclusion> exclusion, Instant now) {
    Optional<ProbeResult> newest = previous.window().newest();
    if (newest.isPresent() && probe.at().isBefore(newest.get().at())) {
      return previous;
    }
    if (probe.outcome().credentialFault()) {
      // The data center answered: no evidence it is down, and none that it is well. Only the
      // fault is noted; the phase stays until probes that get through (or fail) say more.
      return onTick(previous.rejectingCredentials(probe.outcome().describe()), exclusion, now);
    }
    HealthState state = previous.counting(probe, thresholds);
    if (excluded(exclusion, now)) {
      return state.enter(Excluded, now, exclusion.get().describe());
    }
    return switch (state.phase()) {
      case Pending, Healthy ->
          probe.ok()
              ? healthyUnlessBrownout(state, now, succeededIn(probe))
              : afterFailure(state, now);
      case Degraded -> probe.ok() ? leaveBrownoutWhenCalm(state, now) : afterFailure(state, now);
      case Unreachable ->
          probe.ok() ? afterRecoverySuccess(state.forgettingEarlierProbes(), now) : state;
      case Restoring -> probe.ok() ? afterRecoverySuccess(state, now) : blackoutOrStay(state, now);
      case Probation -> probe.ok() ? healthyAfterProbation(state, now) : blackoutOrStay(state, now);
      case Excluded -> readmit(state, now);
    };
  }

  /**
   * The state when time passes without a probe: an exclusion starts or ends, or probation runs out.
   */
  public HealthState onTick(HealthState previous, Optional<Exclusion> exclusion, Instant now) {
    if (excluded(exclusion, now)) {
      return previous.enter(Excluded, now, exclusion.get().describe());
    }
    if (previous.phase() == Excluded) {
      return readmit(previous, now);
    }
    if (previous.phase() == Probation && previous.consecutiveSuccesses() > 0) {
      return healthyAfterProbation(previous, now);
    }
    return previous;
  }

  private static boolean excluded(Optional<Exclusion> exclusion, Instant now) {
    return exclusion.isPresent() && exclusion.get().activeAt(now);
  }

  private String succeededIn(ProbeResult probe) {
    return "probe succeeded in " + DurationText.format(probe.latency());
  }

  /** Healthy and Degraded both fall to Unreachable on a blackout; otherwise brownout rules. */
  private HealthState afterFailure(HealthState state, Instant now) {
    if (isBlackout(state)) {
      return state.enter(Unreachable, now, blackoutReason(state));
    }
    return switch (state.phase()) {
      case Healthy -> healthyUnlessBrownout(state, now, state.reason());
      case Degraded -> leaveBrownoutWhenCalm(state, now);
      default -> state;
    };
  }

  private HealthState blackoutOrStay(HealthState state, Instant now) {
    return isBlackout(state) ? state.enter(Unreachable, now, blackoutReason(state)) : state;
  }

  private HealthState healthyUnlessBrownout(HealthState state, Instant now, String why) {
    return brownout
        .brownout(state.window())
        .map(reason -> state.enter(Degraded, now, reason))
        .orElseGet(() -> state.enter(Healthy, now, why));
  }

  private HealthState leaveBrownoutWhenCalm(HealthState state, Instant now) {
    if (isBlackout(state)) {
      return state.enter(Unreachable, now, blackoutReason(state));
    }
    if (!brownout.withinRecoveryBand(state.window())) {
      return state.withBelowBandSince(null);
    }
    Instant since = state.belowBandSince() == null ? now : state.belowBandSince();
    if (Duration.between(since, now).compareTo(thresholds.brownoutWindow()) >= 0) {
      return state.enter(Healthy, now, brownout.recovered());
    }
    return state.withBelowBandSince(since);
  }

  private HealthState afterRecoverySuccess(HealthState state, Instant now) {
    int needed = thresholds.recoveryThreshold();
    if (state.consecutiveSuccesses() >= needed) {
      return state.enter(
          Probation,
          now,
          "recovered: "
              + needed
              + " consecutive probes succeeded; on probation for "
              + DurationText.format(thresholds.probationDuration()));
    }
    return state.enter(
        Restoring,
        now,
        "reachable again after a blackout; "
            + needed
            + " consecutive successful probes needed to end it");
  }

  private HealthState healthyAfterProbation(HealthState state, Instant now) {
    Duration served = Duration.between(state.phaseSince(), now);
    if (served.compareTo(thresholds.probationDuration()) < 0) {
      return state;
    }
    return healthyUnlessBrownout(
        state,
        now,
        "no blackout during the "
            + DurationText.format(thresholds.probationDuration())
            + " probation");
  }

  /** After an exclusion the probes decide, but a data center never probed stays Pending. */
  private HealthState readmit(HealthState state, Instant now) {
    String ended = "exclusion ended; ";
    if (state.window().isEmpty()) {
      return state.enter(Pending, now, ended + "not probed yet");
    }
    if (isBlackout(state)) {
      return state.enter(Unreachable, now, ended + blackoutReason(state));
    }
    return healthyUnlessBrownout(state, now, ended + "probes are good");
  }

  private boolean isBlackout(HealthState state) {
    return state.consecutiveFailures() >= thresholds.failureThreshold();
  }

  /** Says what happened: refused, hung, or some of each. */
  private static String blackoutReason(HealthState state) {
    List<ProbeResult> run = state.window().trailingFailures();
    long timedOut = run.stream().filter(p -> p.outcome() == ProbeOutcome.TimedOut).count();
    long refused = run.size() - timedOut;
    String what;
    if (run.isEmpty()) {
      what = "probes failed";
    } else if (timedOut == 0) {
      what = "probes refused";
    } else if (refused == 0) {
      what = "probes timed out after " + DurationText.format(run.get(run.size() - 1).latency());
    } else {
      what = "probes failed (" + refused + " refused, " + timedOut + " timed out)";
    }
    return "blackout: " + state.consecutiveFailures() + " consecutive " + what;
  }
}
