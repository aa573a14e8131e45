package dev.failover.operator.policyhealth;

import dev.failover.core.pool.PoolRetry;
import java.net.URI;
import java.util.Optional;

/**
 * A workload endpoint as it is probed: where, and with which service pool's retries. A change of
 * either starts a new probe loop (with a fresh retry budget).
 */
record EndpointTarget(URI uri, Optional<PoolRetry> poolRetry) {}
