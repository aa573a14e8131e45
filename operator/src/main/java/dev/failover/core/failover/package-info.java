/**
 * The failover state machine of one policy. Pure: {@link
 * dev.failover.core.failover.FailoverStateMachine#decide} turns a {@link
 * dev.failover.core.failover.PolicySituation} into a {@link
 * dev.failover.core.failover.FailoverDecision}: the next persisted progress plus idempotent
 * actions. The reconciler executes the actions in order, persists the progress only if they all
 * succeeded, and decides again.
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
 * size as a standby).
 *
 * <p><b>Manual actions</b>, by id: an id equal to lastHandledActionId or to one of the 19 before it
 * is ignored; one arriving during a move waits for the move to end; otherwise it is started or
 * rejected with an ActionRejected Event (unknown data center, target already active, target not
 * Healthy, unreachable, without spare capacity or awaiting a fence), and its id is remembered
 * either way.
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
