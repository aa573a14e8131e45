/**
 * PaaS service pools, with no client calls: which pool each of a workload's components belongs to
 * ({@link ServicePools}), whether one policy couples components of several pools ({@link
 * PoolAssignment}), the timeout and retry settings that govern a pool ({@link PoolRetry}), and the
 * budget that says when to stop retrying ({@link RetryBudget}).
 */
package dev.failover.core.pool;
