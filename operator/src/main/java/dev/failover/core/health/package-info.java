/**
 * Health classification of one data center from its probes, with hysteresis. Pure: time comes in as
 * {@code now}, thresholds come in as {@link dev.failover.core.health.HealthThresholds}.
 *
 * <p>The rules, N = failureThreshold, R = recoveryThreshold, W = brownoutWindow:
 *
 * <ul>
 *   <li>Every probe updates the counters (a success resets the failure count and vice versa, a
 *       timeout counts like a refusal) and the sample window, whatever the phase.
 *   <li><b>Excluded</b> while an exclusion is active (its {@code until} is in the future, or it has
 *       none: a drain), whatever the probes say. When it ends: Pending if never probed, Unreachable
 *       if the last N probes failed, Degraded if the window shows a brownout, otherwise Healthy.
 *   <li><b>Pending</b> until the first successful probe (then Healthy, or Degraded) or N failures
 *       (then Unreachable). A single failure leaves it Pending: not a target, not a blackout.
 *   <li><b>Healthy → Unreachable</b> after N consecutive failures. The reason says what they were:
 *       refused, timed out, or some of each.
 *   <li><b>A run of failures still going on is a blackout in the making, not a brownout.</b> Its
 *       failures do not count towards the error-rate rule until an answer ends the run (then they
 *       were errors among answers, and count) or the run reaches N (a blackout). Otherwise, with
 *       the defaults (5% over 30s, a probe every 2s), the 2nd refusal in a row is 13% of the window
 *       and a stopped data center would be reported as a brownout one probe before the blackout.
 *   <li><b>Healthy → Degraded</b> when the window is filled (probes cover all of W) and its p50
 *       latency (successful probes only) or its error rate is strictly above the threshold. A
 *       single slow probe never degrades: the window must be filled and its median slow.
 *   <li><b>Degraded → Healthy</b> only when p50 ≤ band and error rate ≤ band, band =
 *       brownoutRecoveryPercent of each threshold, on every probe for a whole W (measured from the
 *       first probe within the band). Any probe outside the band restarts that wait. <b>Degraded →
 *       Unreachable</b> after N consecutive failures.
 *   <li><b>Unreachable → Restoring</b> on the first success; <b>Restoring → Probation</b> once R
 *       consecutive probes have succeeded (with R = 1, the first success goes straight to
 *       Probation). A failure in Restoring resets the success count but returns to Unreachable only
 *       after N consecutive failures, so one lost probe does not restart a blackout.
 *   <li><b>Probation → Healthy</b> (or Degraded, if the window shows a brownout) on a successful
 *       probe, or a tick after one, once probationDuration has passed since entering Probation.
 *       Failures below N do not restart the clock; only a blackout (N failures → Unreachable) does,
 *       and then the whole Restoring/Probation path starts again.
 *   <li>A probe older than the newest one seen is ignored.
 *   <li><b>A credential fault is not a failure.</b> A 401, a 403 or a TLS handshake the server's
 *       certificate fails means the data center answered: it is no evidence of a blackout, and none
 *       of health. Such a probe changes neither counters, nor window, nor phase; it sets {@code
 *       credentialFault}, which only a successful probe clears. Refusals and timeouts in between
 *       still count, so a data center that really goes down is still a blackout.
 * </ul>
 */
package dev.failover.core.health;
