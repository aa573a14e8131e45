package dev.failover.operator.probes;

import dev.failover.core.health.ConfirmationProbes;
import dev.failover.core.health.HealthThresholds;
import java.time.Duration;

/** How often and how patiently something is probed, and how the results are judged. */
public record ProbeSettings(
    Duration interval,
    Duration timeout,
    HealthThresholds thresholds,
    ConfirmationProbes confirmation) {}
