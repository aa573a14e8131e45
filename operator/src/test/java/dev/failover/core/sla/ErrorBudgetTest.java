package dev.failover.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBudgetTest {
  @ParameterizedTest(name = "{0} % over {1} days allows {2} ms")
  @CsvSource({
    "99.9, 28, 2419200",
    "99.9, 29, 2505600",
    "99.9, 30, 2592000",
    "99.9, 31, 2678400",
    "99.95, 30, 1296000",
    "99.5, 31, 13392000",
    "100, 31, 0",
    "99.999, 31, 26784"
  })
  void allowedDowntimeIsTheSlasShareOfTheMonth(String sla, int days, long allowedMillis) {
    assertThat(ErrorBudget.of(new BigDecimal(sla), Duration.ofDays(days), 0).allowedMillis())
        .isEqualTo(allowedMillis);
  }

  @Test
  void theRemainderGoesNegativeOnceOverspent() {
    ErrorBudget budget = ErrorBudget.of(new BigDecimal("99.9"), Duration.ofDays(30), 3_000_000);

    assertThat(budget.remainingSeconds()).isEqualTo(-408);
    assertThat(budget.remainingPercent()).isEqualByComparingTo("-15.75");
  }

  @Test
  void halfSpentIsFiftyPercentRemaining() {
    assertThat(
            ErrorBudget.of(new BigDecimal("99.9"), Duration.ofDays(30), 1_296_000)
                .remainingPercent())
        .isEqualByComparingTo("50");
  }

  @Test
  void aHundredPercentSlaHasNoBudgetToSpend() {
    assertThat(ErrorBudget.of(BigDecimal.valueOf(100), Duration.ofDays(30), 0).remainingPercent())
        .isEqualByComparingTo("0");
    assertThat(ErrorBudget.of(BigDecimal.valueOf(100), Duration.ofDays(30), 1).remainingPercent())
        .isEqualByComparingTo("-100");
  }
}
