/**
 * Types shared by several kinds of the {@code failover.dev/v1alpha1} API: the status base with
 * observedGeneration and conditions, references, SLA terms and credit tiers, rider building blocks,
 * and the value patterns the schema validates against.
 */
package dev.failover.api.v1alpha1.common;
