/**
 * Target selection: which data center a policy's workload should move to. Pure; the state machine
 * builds the {@link dev.failover.core.placement.Candidate}s from what it observed.
 */
package dev.failover.core.placement;
