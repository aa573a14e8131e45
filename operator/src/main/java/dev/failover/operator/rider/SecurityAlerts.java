package dev.failover.operator.rider;

import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Where a rider's security alerts go, once per occurrence of a passed license limit ({@link
 * dev.failover.core.rider.LicenseAlerts}). Today a Warning Event and a counter ({@link
 * EventSecurityAlerts}); the notifications work (a durable outbox of Notification resources) adds
 * an implementation that sends them on. The rider is passed for the Event's or Notification's
 * reference to it (its uid); the alert itself says everything a message needs.
 */
public interface SecurityAlerts {
  void raise(HasMetadata rider, SecurityAlert alert);
}
