package dev.failover.core.rto;

import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import java.time.Duration;
import java.util.Objects;

/**
 * How long making a standby serve may take, per standby mode: Hot only needs the workload to be
 * Available, Warm needs a scale-up, Cold a full apply and rollout.
 */
public record PromotionBudgets(Duration hot, Duration warm, Duration cold) {

  public PromotionBudgets {
    RtoInputs.requireNotNegative("hot promotion budget", hot);
    RtoInputs.requireNotNegative("warm promotion budget", warm);
    RtoInputs.requireNotNegative("cold promotion budget", cold);
  }

  public Duration forMode(StandbyMode mode) {
    return switch (Objects.requireNonNull(mode, "mode")) {
      case Hot -> hot;
      case Warm -> warm;
      case Cold -> cold;
    };
  }
}
