/**
 * Customer notifications, as plain decisions.
 *
 * <p>A {@link dev.failover.core.notification.PolicyMoment} is something that happened to a policy
 * that people are told about: a failover started, the service continues elsewhere, a data center
 * was excluded, a credit is due. It carries its own deterministic identity (the occurrence id).
 *
 * <p>The rules:
 *
 * <ul>
 *   <li><b>Once per moment and channel.</b> {@link
 *       dev.failover.core.notification.NotificationIdentity} derives a Notification's name and
 *       idempotency key from (namespace, policy, type, occurrence id, channel) only, so publishing
 *       the same moment again names the same Notification, which already exists.
 *   <li><b>At least once.</b> An attempt that fails in a way worth retrying (a refused connection,
 *       a timeout, HTTP 408, 425, 429 or 5xx) is retried after {@link
 *       dev.failover.core.notification.DeliveryBackoff}: exponential, capped, with equal jitter. A
 *       receiver may see a notification twice and drops the second by its idempotency key.
 *   <li><b>Bounded.</b> {@link dev.failover.core.notification.DeliveryRules} dead-letters a
 *       notification after a permanent failure (any other 4xx) or when the allowed attempts (at
 *       most 20, what its status keeps) ran out; it is then never sent again.
 *   <li><b>Kept for a while.</b> A delivered or dead-lettered notification is deleted once the
 *       retention has passed since it finished.
 *   <li><b>Audience.</b> {@link dev.failover.core.notification.Audiences}: SLA at risk and
 *       restore-test results are for the provider; every other event for customers.
 * </ul>
 */
package dev.failover.core.notification;
