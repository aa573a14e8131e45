package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.LicenseAlerts.LimitUsage;
import dev.failover.core.rider.LicenseAlerts.SecurityAlert;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseAlertsTest {
  private static final LimitUsage APPS_WITHIN = new LimitUsage("maxApplications", 2, 3);
  private static final LimitUsage APPS_AT = new LimitUsage("maxApplications", 3, 3);
  private static final LimitUsage APPS_PASSED = new LimitUsage("maxApplications", 4, 3);
  private static final LimitUsage DEVS_WITHIN = new LimitUsage("maxConcurrentDevelopers", 5, 5);
  private static final LimitUsage DEVS_PASSED = new LimitUsage("maxConcurrentDevelopers", 7, 5);

  private static List<SecurityAlert> due(List<LimitUsage> before, List<LimitUsage> now) {
    return LicenseAlerts.due("PaasRider", "shop", "billing", before, now);
  }

  @Test
  void aLimitPassedAfterBeingKeptIsOneAlertNamingTheRiderTheLimitAndTheNumbers() {
    assertThat(due(List.of(APPS_WITHIN), List.of(APPS_PASSED)))
        .containsExactly(
            new SecurityAlert(
                "PaasRider",
                "shop",
                "billing",
                "maxApplications",
                4,
                3,
                "PaasRider billing passed its license.maxApplications: 4 in use, 3 allowed; the"
                    + " operator does not grant or run the excess (the rider's LicenseCompliant"
                    + " condition says which)"));
  }

  @Test
  void aLimitThatStaysPassedRaisesNothingMore() {
    assertThat(due(List.of(APPS_PASSED), List.of(new LimitUsage("maxApplications", 5, 3))))
        .isEmpty();
  }

  @Test
  void aRestartedOperatorDoesNotAlertAgainForWhatTheStoredStatusShows() {
    assertThat(due(List.of(APPS_PASSED, DEVS_PASSED), List.of(APPS_PASSED, DEVS_PASSED))).isEmpty();
  }

  @Test
  void beingExactlyAtALimitIsNoAlert() {
    assertThat(due(List.of(APPS_WITHIN), List.of(APPS_AT))).isEmpty();
    assertThat(due(List.of(), List.of(DEVS_WITHIN))).isEmpty();
  }

  @Test
  void aLimitKeptAgainAndThenPassedAnewIsANewOccurrence() {
    assertThat(due(List.of(APPS_PASSED), List.of(APPS_AT))).isEmpty();
    assertThat(due(List.of(APPS_AT), List.of(APPS_PASSED))).hasSize(1);
  }

  @Test
  void aFirstStatusAlreadyPastALimitAlerts() {
    assertThat(due(List.of(), List.of(DEVS_PASSED)))
        .extracting(SecurityAlert::limit)
        .containsExactly("maxConcurrentDevelopers");
  }

  @Test
  void twoLimitsPassedTogetherAreTwoAlertsInTheStatusOrder() {
    assertThat(due(List.of(DEVS_WITHIN, APPS_WITHIN), List.of(DEVS_PASSED, APPS_PASSED)))
        .extracting(SecurityAlert::limit)
        .containsExactly("maxConcurrentDevelopers", "maxApplications");
  }

  @Test
  void aSecondLimitPassedWhileTheFirstStaysPassedAlertsForTheSecondOnly() {
    assertThat(due(List.of(DEVS_PASSED, APPS_WITHIN), List.of(DEVS_PASSED, APPS_PASSED)))
        .extracting(SecurityAlert::limit)
        .containsExactly("maxApplications");
  }

  @Test
  void aLimitLoweredUnderTheUsageIsPassingIt() {
    assertThat(
            due(
                List.of(new LimitUsage("maxApplications", 4, 10)),
                List.of(new LimitUsage("maxApplications", 4, 3))))
        .extracting(SecurityAlert::used, SecurityAlert::allowed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 3L));
  }
}
