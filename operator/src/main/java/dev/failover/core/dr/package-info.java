/**
 * Disaster-recovery mode's trigger, decided with no network or client calls: the signed DNS TXT
 * value ({@link TriggerRecord}), its verification against forgery, staleness and replay ({@link
 * TriggerVerifier}), and what a poll's outcome does to the mode ({@link TriggerPolls}).
 *
 * <p>The rules, in short:
 *
 * <ul>
 *   <li>A value switches modes only when its HMAC-SHA256 signature verifies with the policy's key
 *       over the version, the record's name, the mode, the timestamp and a nonce: a value copied
 *       from another name, or edited, does not verify.
 *   <li>A value that would switch modes must be newer than the last value that switched them
 *       (replay), signed no more than {@link TriggerVerifier#MAX_AGE} before it is first seen
 *       (stale), and not signed in the future beyond {@link TriggerVerifier#CLOCK_SKEW}.
 *   <li>A value that confirms the current mode is fine at any age: the record stays published for
 *       as long as the mode lasts.
 *   <li>Nothing a resolver fails to say switches modes: a timeout, SERVFAIL, NXDOMAIN or an answer
 *       with no value of ours keeps the mode and says why. Leaving disaster-recovery mode takes a
 *       signed {@code mode=off} value, so neither an outage of the authoritative servers nor a
 *       deleted record can end (or start) it.
 * </ul>
 */
package dev.failover.core.dr;
