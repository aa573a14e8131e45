package dev.failover.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupConfigTest {
  @Test
  void theStoreIsTheOperatorsNamespaceWith256MiByDefault() {
    BackupConfig config =
        OperatorConfig.fromEnvironment(Map.of("FAILOVER_NAMESPACE", "ops")).backups();
    assertThat(config.namespace()).isEqualTo("ops");
    assertThat(config.capacityBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(config.veleroNamespace()).isEqualTo("velero");
  }

  @Test
  void readsTheNamespaceCapacityAndVeleroNamespaceFromTheEnvironment() {
    BackupConfig config =
        OperatorConfig.fromEnvironment(
                Map.of(
                    "FAILOVER_BACKUP_NAMESPACE", "backups",
                    "FAILOVER_BACKUP_STORE_CAPACITY", "1Gi",
                    "FAILOVER_VELERO_NAMESPACE", "velero-system"))
            .backups();
    assertThat(config.namespace()).isEqualTo("backups");
    assertThat(config.capacityBytes()).isEqualTo(1024L * 1024 * 1024);
    assertThat(config.veleroNamespace()).isEqualTo("velero-system");
  }

  @Test
  void aCapacityThatIsNotAQuantityStopsTheStartNamingTheVariable() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("FAILOVER_BACKUP_STORE_CAPACITY", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FAILOVER_BACKUP_STORE_CAPACITY")
        .hasMessageContaining("lots");
  }

  @Test
  void aZeroCapacityIsAllowedAndMeansNoBackupRuns() {
    assertThat(
            OperatorConfig.fromEnvironment(Map.of("FAILOVER_BACKUP_STORE_CAPACITY", "0"))
                .backups()
                .capacityBytes())
        .isZero();
  }
}
