/**
 * Spare capacity: whether a data center can take a policy's workload. Pure: nodes, pods and
 * manifests come in as fabric8 model objects, time as {@code now}.
 *
 * <p><b>Measured.</b> {@link dev.failover.core.capacity.ClusterCapacity} sums the allocatable CPU
 * and memory of the Ready, uncordoned nodes without a NoSchedule or NoExecute taint, and the
 * requests ({@link dev.failover.core.capacity.PodRequests}, the scheduler's rule) of the unfinished
 * pods bound to them. Free percent is the scarcer of CPU and memory: min over both of (allocatable
 * − requested) / allocatable × 100.
 *
 * <p><b>Demand.</b> A policy's workload at full size asks for its Deployments' and StatefulSets'
 * replicas times their pods' requests ({@link dev.failover.core.capacity.WorkloadDemand}). A move
 * to a data center adds that, less what already runs there: nothing where the workload runs at full
 * size (a Hot standby), all of it where it is scaled to zero (Warm), absent (Cold) or smaller.
 *
 * <p><b>The rule</b> ({@link dev.failover.core.capacity.SpareCapacityRule}). spareCapacityPercent
 * is a reserve the data center keeps free <i>for</i> workloads failing over from elsewhere, so a
 * failover may use it; what it must not do is land where the reserve has already been eaten by
 * everyday load, or where it does not fit. A data center has spare capacity for a policy when:
 *
 * <ol>
 *   <li>its capacity is <b>unknown</b>: never measured; measured longer ago than three measurement
 *       intervals (a data center that cannot be listed keeps its last measurement, which then goes
 *       stale); or no Ready, schedulable node reports CPU and memory. Also when the workload's
 *       requests cannot be read. Unknown is allowed: the operator must never turn an outage it
 *       could end into one it cannot because a figure is missing; the scheduler still has the last
 *       word in the data center. Or
 *   <li>the move adds <b>nothing</b> there: the workload already runs there at full size, or asks
 *       for no CPU or memory. Moving traffic takes no capacity. Or
 *   <li>its <b>reserve is intact</b> (free percent ≥ spareCapacityPercent, before the move) <b>and
 *       the workload fits</b>: its extra CPU and memory are each at most what is free.
 * </ol>
 *
 * <p>Anything else is refused: the failover core then explains "X has no spare capacity" and
 * chooses the next data center. The verdict is taken when a target is chosen (and for failback and
 * manual moves); a move under way keeps its target, since the move itself uses the capacity up.
 * Capacity is summed over the data center, not per node, so a workload that fits in total may still
 * find no single node for a large pod; and policies choosing at the same moment each see the same
 * measurement.
 */
package dev.failover.core.capacity;
