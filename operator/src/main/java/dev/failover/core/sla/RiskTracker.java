package dev.failover.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Raises and clears "SLA at risk" with hysteresis: raised when a row of {@link BurnRateAlerts}
 * fires, and cleared only after no row has fired for {@link #CLEAR_AFTER}, so downtime that comes
 * and goes raises one risk, not one per outage. While raised, a more severe row replaces the one
 * recorded, and nothing is told again.
 */
public final class RiskTracker {
  public static final Duration CLEAR_AFTER = Duration.ofMinutes(15);

  private RiskTracker() {}

  /** The risk after one look, and the moment to tell, if any. */
  public record Step(SlaRisk risk, Optional<SlaMoment> moment) {}

  public static Step next(SlaRisk current, Optional<AlertWindow> firing, Instant now) {
    if (current == null) {
      return firing
          .map(
              window -> {
                SlaRisk raised = new SlaRisk(now, window, now);
                return new Step(raised, Optional.<SlaMoment>of(new SlaMoment.RiskRaised(raised)));
              })
          .orElse(new Step(null, Optional.empty()));
    }
    if (firing.isPresent()) {
      AlertWindow worst =
          firing.get().severity().compareTo(current.window().severity()) < 0
              ? firing.get()
              : current.window();
      return new Step(new SlaRisk(current.raisedAt(), worst, now), Optional.empty());
    }
    if (Duration.between(current.lastFiringAt(), now).compareTo(CLEAR_AFTER) >= 0) {
      return new Step(null, Optional.of(new SlaMoment.RiskCleared(current, now)));
    }
    return new Step(current, Optional.empty());
  }
}
