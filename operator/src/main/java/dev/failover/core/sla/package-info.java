/**
 * The SLA ledger: availability measured from real downtime, error budgets, "SLA at risk" and
 * credits. Pure: time comes in as {@code now}, and <b>everything is in UTC</b>: months start at
 * 00:00 UTC on their first day, whatever the time zone of the cluster, the operator or the
 * customer, so a daylight-saving change never makes a day 23 or 25 hours long here.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li><b>Downtime</b> is time during which no data center served the workload: the active data
 *       center was unreachable or the workload was not Available there, or traffic did not point at
 *       it, until all three held again ({@link dev.failover.core.sla.ServiceRule}). Downtime is
 *       kept as intervals {@code [start, end)}; one still going on is open and counts up to now.
 *   <li><b>Unknown</b> intervals are time the operator did not observe: its own downtime, or the
 *       active data center's workload could not be read. When the ledger's heartbeat is older than
 *       {@link dev.failover.core.sla.SlaLedger#UNOBSERVED_AFTER}, the operator that observes now
 *       has not watched the policy since (it restarted), and the workload was not up at the
 *       heartbeat, or is not up now, the whole silence is Unknown. Unknown counts as down (against
 *       the provider) and is reported apart. A silence between two observations that both found the
 *       workload up is not counted.
 *   <li>Measurement starts when the workload first serves; time before that is not in any period.
 *   <li><b>Overlapping</b> intervals count once: the union is measured, and where Down and Unknown
 *       overlap the time is Down.
 *   <li><b>Availability</b> = (period − downtime) / period, in whole milliseconds, per calendar
 *       month and over the rolling 30 days. An outage across midnight at a month's end is cut there
 *       exactly. Comparisons are exact; figures for people are rounded down.
 *   <li><b>Error budget</b> = (1 − SLA/100) × the month's length, rounded down to the millisecond;
 *       what remains may be negative. The <b>burn rate</b> over a window is the downtime's share of
 *       the window divided by (1 − SLA/100).
 *   <li><b>SLA at risk</b> ({@link dev.failover.core.sla.BurnRateAlerts}): raised when, for some
 *       row of the table, the burn rate over both its long and short window is above its rate;
 *       cleared when no row has fired for {@link dev.failover.core.sla.RiskTracker#CLEAR_AFTER}.
 *       One raise and one clear per occurrence, named by the time it was raised.
 *   <li><b>Credits</b> ({@link dev.failover.core.sla.CreditSchedule}): of the tiers whose threshold
 *       the month's availability is strictly below, the lowest threshold applies.
 *   <li><b>Bounded</b>: intervals are kept while the previous month or the rolling window needs
 *       them, at most 100 (beyond, the closest neighbours are joined, the gap counted as down); the
 *       final figures of the last 13 months are kept as summaries.
 * </ul>
 */
package dev.failover.core.sla;
