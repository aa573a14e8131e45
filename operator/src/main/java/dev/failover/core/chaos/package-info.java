/**
 * Chaos restore tests, decided with no client calls: which faults a test injects ({@link
 * FaultSequence}, replayable from its seed), whether the workload recovered from them ({@link
 * RestoreVerdict}), and when a scheduled test is due ({@link CronSchedule}).
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
 * </ul>
 */
package dev.failover.core.chaos;
