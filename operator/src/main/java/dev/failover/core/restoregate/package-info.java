/**
 * The restore-test gate of one policy ({@code failback.requireRestoreTest}), decided with no client
 * calls: which data centers the policy keeps out of production, which ChaosRestoreTest decides for
 * each, and what to tell.
 *
 * <ul>
 *   <li><b>Opened</b> when a blackout failover away from a data center is recorded: the data center
 *       failed while it ran the workload. Brownouts and exclusions open none; neither does a
 *       blackout of a data center the policy was not active in.
 *   <li><b>Restoration</b> is the instant the policy first sees the data center out of Unreachable:
 *       the phase's {@code since} (the DataCenter's {@code lastTransitionTime}), or now if that is
 *       not after the blackout. It is persisted with the gate, and the operator then creates one
 *       ChaosRestoreTest for it with {@code trigger: Restoration}, named after the policy, the data
 *       center and the restoration's epoch second. A blackout of a data center still held out
 *       re-arms the gate: the old test is deleted, and the next restoration gets a new one.
 *   <li><b>The contract.</b> Only tests of this policy and data center completed after the
 *       restoration count, the newest first: {@code Passed} and {@code promoted} lifts the gate;
 *       {@code Failed} keeps the data center out; anything else means the test is under way. Any
 *       such test counts, not only the one the operator created, so a person can start a new run
 *       (or delete the failed one, and the operator creates it again).
 *   <li><b>Held out</b> means never an automatic target, for failback or failover; a person may
 *       still move the workload there, and the move's record says it overrode the test. Once the
 *       workload is settled there the gate is closed.
 *   <li><b>Closed</b> also when the data center leaves the placement or the policy stops requiring
 *       tests.
 * </ul>
 *
 * Everything is derived from the persisted gates and the ChaosRestoreTest objects, so a restarted
 * operator keeps every gate.
 */
package dev.failover.core.restoregate;
