/**
 * Chaos restore tests, decided with no client calls: which faults a test injects ({@link
 * FaultSequence}, replayable from its seed), whether the workload recovered from them ({@link
 * RestoreVerdict}, {@link FaultRecoveries}), when a run starts ({@link RunStart}, {@link
 * CronSchedule}), and the printable report ({@link RestoreReport}).
 *
 * <ul>
 *   <li><b>Faults</b> are drawn with {@link java.util.SplittableRandom} from the seed, over the
 *       spec's kinds that have something to act on, and over the targets sorted by name: the same
 *       seed and the same workload give the same sequence. A pod is named by its Deployment or
 *       StatefulSet (pod names are random); the fault deletes that workload's oldest pod.
 *   <li><b>Pass</b> only when every fault was recovered from within the maximum recovery time; a
 *       fault not recovered from fails the test, and so does one recovered from too slowly.
 *   <li><b>Schedules</b> are five-field UNIX cron expressions (or {@code @daily} and the like), in
 *       UTC. Runs missed while the operator was down are not made up one by one: the latest missed
 *       run is due once, and the others are counted as skipped, as a Kubernetes CronJob does.
 *   <li><b>Runs</b> ({@link RunStart}) start only while the data center answers. A Manual test runs
 *       once when created; a Restoration test once the data center is reachable, and again each
 *       time it returns from an outage after the last run ended; a Schedule test at each due slot.
 *       Any trigger runs once more for each new value of the {@code failover.dev/run} annotation. A
 *       running test is never restarted.
 *   <li><b>Isolation</b>: a test runs in its own namespace, {@link TestNamespaceName} ({@code crt-}
 *       and a hash of the test's namespace and name), in the tested data center.
 * </ul>
 */
package dev.failover.core.chaos;
