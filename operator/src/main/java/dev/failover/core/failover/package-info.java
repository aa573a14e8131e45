/**
 * The failover state machine of one policy. Pure: {@link
 * dev.failover.core.failover.FailoverStateMachine#decide} turns a {@link
 * dev.failover.core.failover.PolicySituation} into a {@link
 * dev.failover.core.failover.FailoverDecision}: the next persisted progress plus idempotent
 * actions. For each decision the reconciler emits its Events, persists the progress (with any
 * history record), then carries out its actions, and decides again while the progress moves on. So
 * the persisted status is authoritative at every externally visible step: it names the new active
 * data center before traffic is pointed there, the move being fenced before the fence, the record
 * before the move counts as done. A crash anywhere is healed by deciding again from the status: the
 * actions are re-derived from it, and Events are named after the status they were decided from, so
 * a retried decision never tells the story twice.
 *
 * <p><b>Moves.</b> A move (initial placement, failover or failback) runs through persisted steps; a
 * step whose condition is already observed hands over to the next in the same decision:
 *
 * <ol>
 *   <li>SelectTarget: the best data center by {@link dev.failover.core.placement.TargetSelector},
 *       never the one being left; the FailoverStarted Event names the data centers passed over for
 *       lack of spare capacity. None: Unavailable, with one NoHealthyDataCenter Event, retried
 *       every decision. If the data center being left can serve again meanwhile (reachable and
 *       Healthy, Degraded, Probation or merely Excluded) the move is cancelled and it stays. A
 *       first placement waits quietly while any listed data center is still unprobed.
 *   <li>PromoteTarget: the target gets the workload at full size (Warm: scaled up; Cold: applied;
 *       Hot: already there). Done when its replicas are above zero.
 *   <li>AwaitTargetAvailable: done when the workload is Available there.
 *   <li>SwitchTraffic: the target becomes the active data center and traffic is pointed at it. Done
 *       when the DNS record is seen pointing at it; that instant is the completion time. From here
 *       on the move is committed.
 *   <li>FenceOldActive: a reachable old active is scaled to zero and the move waits to see it. An
 *       unreachable one joins awaitingFence and the move goes on. Skipped by a first placement.
 *   <li>Record: a history record (measured RTO = completed − detected) and an Event; Active.
 * </ol>
 *
 * <p><b>Deadline.</b> A move may spend the policy's RTO ({@code spec.objectives.rto}, default 2m)
 * on a target, counted from when it chose that target. If the workload is not Available there by
 * then (a quota, a webhook, a missing CRD, a hang), a failover gives up on that target and tries
 * the next best data center with a fresh deadline (TargetLost); with no other candidate it keeps
 * trying the same one and the Ready message says it is past its deadline. A planned move (manual
 * failover, failback) is abandoned and the workload stays (MoveAbandoned). After the switch the
 * move is committed and only the message says it is overdue.
 *
 * <p><b>Required and bystander actions</b> ({@link dev.failover.core.failover.RequiredActions}).
 * Pointing traffic, and anything done in the active data center, the target or the data center
 * being left, is what the move needs. Standbys kept in their mode and returned data centers
 * awaiting a fence are bystanders: their failures are retried with back-off and reported, and never
 * hold up the target or the switch. A failed Event never stops a move.
 *
 * <p>If the target stops qualifying before the switch (Unreachable, Excluded, Restoring, Pending,
 * or awaiting a fence, by its phase: a single failed probe does not count; a planned move also
 * needs it Healthy): a failover picks another target (TargetLost); a planned move (manual failover,
 * failback) is abandoned and the workload stays. If the data center being left goes Unreachable
 * before the switch, the move becomes a blackout failover and its RTO is measured from that
 * blackout.
 *
 * <p><b>Triggers</b>, checked only when no move is under way, on the active data center:
 * Unreachable starts a blackout failover (even with nowhere to go); Excluded, or no longer listed
 * in the placement (or its DataCenter deleted), starts one only if a target exists; Degraded starts
 * one only if a Healthy target exists. Anything else, including a workload that is not Available in
 * a Healthy data center (a minor failure Kubernetes heals), starts nothing. Then automatic
 * failback: when the mode is Automatic, the active data center is not the primary, the primary is
 * Healthy (so it has passed probation), reachable, has spare capacity and awaits no fence, and the
 * workload got where it is by a failover (blackout, brownout, exclusion) or, with Priority only, by
 * a first placement that could not use the primary. A manual failover, or a LowestLatency
 * placement, chose its data center on purpose and is never undone automatically. Failback is
 * make-before-break: the same steps, the old active fenced last (a Hot one then returns to full
 * size as a standby). An automatic failback that is due but finds the limit of failbacks to the
 * primary in flight ({@link dev.failover.core.failover.FailbackSlots}) does not start: the workload
 * stays, the Ready message says it awaits a slot, and a FailbackDeferred Event tells it once per
 * wait. Failovers and manual failbacks are never limited.
 *
 * <p><b>Manual actions</b>, by id: an id equal to lastHandledActionId or to one of the 19 before it
 * is ignored; one arriving during a move waits for the move to end; otherwise it is started or
 * rejected with an ActionRejected Event (unknown data center, target already active, target not
 * Healthy, unreachable, without spare capacity or awaiting a fence), and its id is remembered
 * either way.
 *
 * <p><b>Held out for a restore test</b> ({@link dev.failover.core.failover.HeldOut}, decided by
 * {@link dev.failover.core.restoregate}): such a data center is never an automatic target, for
 * failover or failback, and the Ready message names it. A manual action may still move the workload
 * there; it emits RestoreTestOverridden, and its history record names the overridden test.
 *
 * <p><b>Fencing.</b> A data center in awaitingFence is sent nothing but Fence while reachable, is
 * never a target, and leaves the set only once its workload is seen at zero. So an old active that
 * returns from a blackout is fenced before it can be re-admitted, and two data centers are never
 * both active while the old one is reachable.
 *
 * <p><b>Workloads</b>, re-stated in every decision for every reachable data center: the active one
 * and a target being promoted at full size; the old active left alone while traffic moves and
 * fenced after; every other data center by standby mode: Hot full size, Warm scaled to zero, Cold
 * removed. Traffic always points at the active data center.
 */
package dev.failover.core.failover;
