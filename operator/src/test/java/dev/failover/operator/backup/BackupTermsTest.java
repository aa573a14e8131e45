package dev.failover.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.BackupService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackupTermsTest {
  @Test
  void aRiderWithoutABackupServiceGetsNoBackups() {
    assertThat(PolicyBackups.Terms.of(null)).isEmpty();
  }

  @Test
  void aServiceNotProvidedGetsNoBackups() {
    BackupService service = new BackupService();
    service.setProvided(false);
    service.setInterval("1h");
    assertThat(PolicyBackups.Terms.of(service)).isEmpty();
  }

  @Test
  void unsetFieldsReadAsTheCrdDefaults() {
    PolicyBackups.Terms terms = PolicyBackups.Terms.of(new BackupService()).orElseThrow();
    assertThat(terms.plan().interval()).isEqualTo(Duration.ofHours(24));
    assertThat(terms.plan().retainCopies()).isEqualTo(7);
    assertThat(terms.maxStorageUsagePercent()).isEqualTo(80);
  }

  @Test
  void statedFieldsAreTaken() {
    BackupService service = new BackupService();
    service.setProvided(true);
    service.setInterval("6h");
    service.setRetainCopies(14);
    service.setMaxStorageUsagePercent(70);
    PolicyBackups.Terms terms = PolicyBackups.Terms.of(service).orElseThrow();
    assertThat(terms.plan().interval()).isEqualTo(Duration.ofHours(6));
    assertThat(terms.plan().retainCopies()).isEqualTo(14);
    assertThat(terms.maxStorageUsagePercent()).isEqualTo(70);
  }
}
