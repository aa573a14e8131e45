package dev.failover.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.notification.Audience;
import org.junit.jupiter.api.Test;

class AudiencesTest {
  @Test
  void slaAtRiskRestoreTestsAndBackupStorageAreForTheProviderTheRestForCustomers() {
    for (NotificationEventType type : NotificationEventType.values()) {
      Audience expected =
          type == NotificationEventType.SlaAtRisk
                  || type == NotificationEventType.RestoreTestResult
                  || type == NotificationEventType.BackupStorageNearlyFull
              ? Audience.Provider
              : Audience.Customers;
      assertThat(Audiences.of(type)).as(type.name()).isEqualTo(expected);
    }
  }
}
