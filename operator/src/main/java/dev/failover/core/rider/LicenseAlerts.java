package dev.failover.core.rider;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which license limits have just been passed, each one a security alert: a limit whose usage goes
 * over what it allows, having been within it (or not counted) in the status stored before. So an
 * alert is raised once per occurrence: not again while the limit stays passed, not again after a
 * restart (the stored status already shows it passed), and again when it is passed anew after
 * having been kept. Being exactly at a limit is no alert: nothing has been refused yet.
 */
public final class LicenseAlerts {
  private LicenseAlerts() {}

  /** One limit's usage, as the rider's status.licenseUsage shows it. */
  public record LimitUsage(String limit, long used, long allowed) {
    boolean passed() {
      return used > allowed;
    }
  }

  /** A license limit passed: what the security alert says. Names no subject. */
  public record SecurityAlert(
      String riderKind,
      String namespace,
      String rider,
      String limit,
      long used,
      long allowed,
      String message) {}

  /** The alerts due between the usage stored before and the usage now, in the order of now. */
  public static List<SecurityAlert> due(
      String riderKind,
      String namespace,
      String rider,
      List<LimitUsage> before,
      List<LimitUsage> now) {
    Map<String, LimitUsage> previous =
        before.stream()
            .collect(Collectors.toMap(LimitUsage::limit, Function.identity(), (a, b) -> a));
    return now.stream()
        .filter(LimitUsage::passed)
        .filter(
            usage -> previous.get(usage.limit()) == null || !previous.get(usage.limit()).passed())
        .map(
            usage ->
                new SecurityAlert(
                    riderKind,
                    namespace,
                    rider,
                    usage.limit(),
                    usage.used(),
                    usage.allowed(),
                    riderKind
                        + " "
                        + rider
                        + " passed its license."
                        + usage.limit()
                        + ": "
                        + usage.used()
                        + " in use, "
                        + usage.allowed()
                        + " allowed; the operator does not grant or run the excess (the rider's"
                        + " LicenseCompliant condition says which)"))
        .toList();
  }
}
