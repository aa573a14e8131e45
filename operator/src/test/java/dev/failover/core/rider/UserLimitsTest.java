package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UserLimitsTest {
  @Test
  void aSaasLicenseBecomesVariablesAndIngressLimits() {
    UserLimits limits =
        new UserLimits(OptionalInt.of(500), OptionalInt.of(1000), Duration.ofHours(1));

    assertThat(limits.environment())
        .containsExactly(
            Map.entry(UserLimits.ENV_MAX_CONCURRENT_USERS, "500"),
            Map.entry(UserLimits.ENV_MAX_REQUESTS_PER_USER, "1000"),
            Map.entry(UserLimits.ENV_REQUEST_WINDOW_SECONDS, "3600"));
    // 1,000 an hour is 16.7 a minute: rounded up, never below the license.
    assertThat(limits.ingressAnnotations())
        .containsExactly(
            Map.entry(UserLimits.LIMIT_CONNECTIONS, "500"), Map.entry(UserLimits.LIMIT_RPM, "17"));
  }

  @Test
  void requestsPerMinuteRoundUpAndNeverFallToZero() {
    assertThat(UserLimits.requestsPerMinute(60, Duration.ofMinutes(1))).isEqualTo(60);
    assertThat(UserLimits.requestsPerMinute(10, Duration.ofSeconds(30))).isEqualTo(20);
    assertThat(UserLimits.requestsPerMinute(1, Duration.ofDays(1))).isEqualTo(1);
    assertThat(UserLimits.requestsPerMinute(1_000_000_000, Duration.ofSeconds(1)))
        .isEqualTo(60_000_000_000L);
  }

  @Test
  void onlyConcurrentUsersForAPaasLicenseAndNothingForNone() {
    UserLimits paas = new UserLimits(OptionalInt.of(2000), OptionalInt.empty(), null);
    assertThat(paas.environment()).containsOnlyKeys(UserLimits.ENV_MAX_CONCURRENT_USERS);
    assertThat(paas.ingressAnnotations()).containsOnlyKeys(UserLimits.LIMIT_CONNECTIONS);
    assertThat(UserLimits.NONE.isEmpty()).isTrue();
    assertThat(UserLimits.NONE.environment()).isEmpty();
  }
}
