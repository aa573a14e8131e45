package dev.failover.core.sla;

import java.math.BigDecimal;

/**
 * The credit a period's availability earns under the rider's schedule.
 *
 * @param belowAvailabilityPercent the threshold of the tier that applies
 * @param remedy Discount, Refund or CancellationRight
 */
public record CreditDue(
    BigDecimal belowAvailabilityPercent, BigDecimal creditPercent, String remedy) {}
