package dev.failover.core.sla;

import dev.failover.core.rider.FailoverPlanChecks.CreditTier;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a period's availability onto the rider's credit tiers. Every tier whose threshold the
 * availability is strictly below applies; the one with the lowest threshold wins, and the rider's
 * schema (CEL on {@code SlaTerms}) guarantees it gives the largest credit. Availability exactly at
 * a threshold earns nothing from that tier.
 */
public final class CreditSchedule {
  private CreditSchedule() {}

  public static Optional<CreditDue> due(MeasuredAvailability availability, List<CreditTier> tiers) {
    return tiers.stream()
        .filter(tier -> availability.isBelow(BigDecimal.valueOf(tier.belowAvailabilityPercent())))
        .min(Comparator.comparingDouble(CreditTier::belowAvailabilityPercent))
        .map(
            tier ->
                new CreditDue(
                    BigDecimal.valueOf(tier.belowAvailabilityPercent()),
                    BigDecimal.valueOf(tier.creditPercent()),
                    tier.remedy()));
  }
}
