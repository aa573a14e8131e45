/**
 * Customer notifications, as plain decisions.
 *
 * <p>A {@link dev.failover.core.notification.PolicyMoment} is something that happened to a policy
 * that people are told about: a failover started, the service continues elsewhere, a data center
 * was excluded, a credit is due. It carries its own deterministic identity (the occurrence id), so
 * publishing it again after a crash or a retried reconcile tells nothing new.
 */
package dev.failover.core.notification;
