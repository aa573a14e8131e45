package dev.failover.core.rto;

import java.time.Duration;

/**
 * Whether the worst case fits the RTO, with its parts, and the arithmetic spelled out for a status
 * condition, such as "detection 3×1s+1s=4s + promote (Warm) 20s + switch 1s = 25s > RTO 20s".
 */
public record RtoAssessment(
    boolean feasible,
    Duration detection,
    Duration promotion,
    Duration switchBudget,
    Duration worstCase,
    Duration rto,
    String message) {}
