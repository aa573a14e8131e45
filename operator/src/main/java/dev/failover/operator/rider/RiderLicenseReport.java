package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.LicenseUsage;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.core.rider.LicenseAlerts;
import dev.failover.core.rider.LicenseAlerts.LimitUsage;
import dev.failover.operator.observability.RiderLicenseMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What a rider's license usage tells beyond its status: the usage metrics, and a security alert for
 * each limit passed since the stored status ({@link LicenseAlerts} decides).
 */
public final class RiderLicenseReport {
  private final RiderLicenseMetrics metrics;
  private final SecurityAlerts alerts;

  public RiderLicenseReport(RiderLicenseMetrics metrics, SecurityAlerts alerts) {
    this.metrics = metrics;
    this.alerts = alerts;
  }

  /** The status about to be written, against the one stored. */
  void reported(String kind, HasMetadata rider, RiderStatus stored, RiderStatus status) {
    String namespace = rider.getMetadata().getNamespace();
    String name = rider.getMetadata().getName();
    List<LimitUsage> now = usage(status);
    metrics.recorded(namespace, kind, name, now);
    LicenseAlerts.due(kind, namespace, name, usage(stored), now)
        .forEach(alert -> alerts.raise(rider, alert));
  }

  /** The rider is gone. */
  void forget(String kind, HasMetadata rider) {
    metrics.forget(rider.getMetadata().getNamespace(), kind, rider.getMetadata().getName());
  }

  static List<LimitUsage> usage(RiderStatus status) {
    if (status == null || status.getLicenseUsage() == null) {
      return List.of();
    }
    return status.getLicenseUsage().stream()
        .filter(u -> u.getLimit() != null && u.getUsed() != null && u.getAllowed() != null)
        .map(RiderLicenseReport::limit)
        .toList();
  }

  private static LimitUsage limit(LicenseUsage usage) {
    return new LimitUsage(usage.getLimit(), usage.getUsed(), usage.getAllowed());
  }
}
