package dev.failover.operator.config;

import dev.failover.core.capacity.QuantityText;
import java.util.Map;

/**
 * Where backups are stored, and how much they may take.
 *
 * @param namespace the hub namespace whose Secrets are the backup store ({@code
 *     FAILOVER_BACKUP_NAMESPACE}, by default the operator's own): a namespace the operator owns and
 *     tenants cannot read
 * @param capacityBytes the store's declared capacity ({@code FAILOVER_BACKUP_STORE_CAPACITY}, a
 *     quantity such as {@code 256Mi}); Kubernetes has no byte quota for Secrets, so the operator
 *     keeps backups under it itself. 0 means unknown: no backup runs
 * @param veleroNamespace the namespace of each data center where Velero runs and reads its Backups
 *     ({@code FAILOVER_VELERO_NAMESPACE}, default {@code velero})
 */
public record BackupConfig(String namespace, long capacityBytes, String veleroNamespace) {
  public static final String DEFAULT_CAPACITY = "256Mi";

  static BackupConfig fromEnvironment(Map<String, String> env, String operatorNamespace) {
    return new BackupConfig(
        value(env, "FAILOVER_BACKUP_NAMESPACE", operatorNamespace),
        capacity(value(env, "FAILOVER_BACKUP_STORE_CAPACITY", DEFAULT_CAPACITY)),
        value(env, "FAILOVER_VELERO_NAMESPACE", "velero"));
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static long capacity(String value) {
    try {
      return QuantityText.bytes(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "FAILOVER_BACKUP_STORE_CAPACITY must be a quantity of bytes such as 256Mi: " + value, e);
    }
  }
}
