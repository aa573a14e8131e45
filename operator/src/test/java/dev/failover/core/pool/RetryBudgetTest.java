package dev.failover.core.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  @Test
  void theFloorLetsAFirstFailureRetry() {
    RetryBudget budget = new RetryBudget(20, 2);
    budget.request();
    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).isTrue();
    assertThat(budget.tryRetry()).as("floor of 2 spent, and 20% of 1 request is 0").isFalse();
  }

  @Test
  void aPoolThatStaysDownGetsNoMoreRetriesThanThePercentOfTheWindow() {
    RetryBudget budget = new RetryBudget(20, 2);
    int retries = 0;
    for (int request = 0; request < 100; request++) {
      budget.request();
      while (budget.tryRetry()) {
        retries++;
      }
    }
    // 2 at first, then 20% of the window of 20 requests: 4 retries every 20 requests at most.
    assertThat(retries).isLessThanOrEqualTo(2 + 100 * 20 / 100);
    assertThat(retries).isGreaterThanOrEqualTo(100 * 20 / 100 - 4);
  }

  @Test
  void retriesComeBackAsOldRequestsLeaveTheWindow() {
    RetryBudget budget = new RetryBudget(10, 1);
    budget.request();
    assertThat(budget.tryRetry()).isTrue();
    for (int i = 1; i < RetryBudget.WINDOW; i++) {
      budget.request();
      assertThat(budget.tryRetry())
          .as("request %d: 10%% of %d is %d", i, i + 1, (i + 1) / 10)
          .isEqualTo(i + 1 >= 20);
    }
    budget.request(); // the first request, with its retry, leaves the window
    assertThat(budget.allowed()).isEqualTo(2);
    assertThat(budget.tryRetry()).isTrue();
  }

  @Test
  void aZeroBudgetWithNoFloorNeverRetries() {
    RetryBudget budget = new RetryBudget(0, 0);
    budget.request();
    assertThat(budget.tryRetry()).isFalse();
  }

  @Test
  void noRetryBeforeAnyRequest() {
    assertThat(new RetryBudget(100, 5).tryRetry()).isFalse();
  }

  @Test
  void impossibleBudgetsAreRefused() {
    assertThatThrownBy(() -> new RetryBudget(101, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(10, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
