package dev.failover.operator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.common.NotificationEventType;
import dev.failover.api.v1alpha1.common.Remedy;
import dev.failover.api.v1alpha1.common.SlaCredit;
import dev.failover.api.v1alpha1.notification.Audience;
import dev.failover.api.v1alpha1.notificationchannel.NotificationLanguage;
import dev.failover.core.notification.PolicyMoment;
import dev.failover.core.notification.PolicyMoment.Facts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageTemplatesTest {
  private static final MessageTemplates TEMPLATES = new MessageTemplates();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  static Stream<Arguments> everyTypeAudienceAndLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (NotificationEventType type : NotificationEventType.values()) {
      for (Audience audience : Audience.values()) {
        for (NotificationLanguage language : NotificationLanguage.values()) {
          all.add(Arguments.of(type, audience, language));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} for {1} in {2}")
  @MethodSource("everyTypeAudienceAndLanguage")
  void everyMomentRendersATitleAndABodyThatNameThePolicyAndWhereItRuns(
      NotificationEventType type, Audience audience, NotificationLanguage language) {
    RenderedMessage message = TEMPLATES.render(moment(type, credit()), audience, language);

    assertThat(message.title()).isNotBlank().doesNotContain("\n");
    assertThat(message.body()).isNotBlank();
    assertThat(message.text()).contains("shop").doesNotContain("{{").doesNotContain("}}");
    assertThat(message.text().length()).isLessThanOrEqualTo(MessageTemplates.MESSAGE_LIMIT);
    if (type != NotificationEventType.SlaCreditDue && type != NotificationEventType.SecurityAlert) {
      assertThat(message.text()).as("where the service runs now").contains("chicago");
    }
    assertThat(message.text()).contains(LANGUAGE_MARKERS.get(language).get(audience));
    if (audience == Audience.Provider) {
      assertThat(message.title()).startsWith("[default/shop] " + type.name());
    }
  }

  /** What every message of a language and audience says, so a wrong or missing file is caught. */
  private static final Map<NotificationLanguage, Map<Audience, String>> LANGUAGE_MARKERS =
      Map.of(
          NotificationLanguage.en,
          Map.of(Audience.Customers, "What to expect:", Audience.Provider, "Expect:"),
          NotificationLanguage.de,
          Map.of(Audience.Customers, "Was Sie erwartet:", Audience.Provider, "Erwartet:"),
          NotificationLanguage.ja,
          Map.of(Audience.Customers, "今後の見通し：", Audience.Provider, "見通し："));

  @Test
  void customersAreToldWhatHappenedWhereTheServiceRunsAndWhatToExpect() {
    RenderedMessage message =
        TEMPLATES.render(
            moment(NotificationEventType.FailoverStarted, null),
            Audience.Customers,
            NotificationLanguage.en);

    assertThat(message.title()).isEqualTo("Service shop: moving to another data center");
    assertThat(message.body())
        .contains("data center toronto (API server unreachable)")
        .contains("at 2026-03-01 10:15 UTC")
        .contains("to data center chicago")
        .contains("What to expect:");
  }

  @Test
  void aCreditStatesTheTierAndTheRemedyInTheChannelsLanguage() {
    SlaCredit credit = credit();
    assertThat(
            TEMPLATES
                .render(
                    moment(NotificationEventType.SlaCreditDue, credit),
                    Audience.Customers,
                    NotificationLanguage.en)
                .body())
        .contains("was 99.2 %, below the agreed 99.9 %")
        .contains("Your remedy: a refund of 10 % of the period's fee. We will honour it");
    assertThat(
            TEMPLATES
                .render(
                    moment(NotificationEventType.Restored, credit),
                    Audience.Customers,
                    NotificationLanguage.de)
                .body())
        .contains("eine Erstattung von 10 %")
        .contains("2026-02");
    assertThat(
            TEMPLATES
                .render(
                    moment(NotificationEventType.SlaCreditDue, credit),
                    Audience.Customers,
                    NotificationLanguage.ja)
                .body())
        .contains("10 % の返金");
  }

  @Test
  void aCancellationRightWithoutCreditStatesNoAmount() {
    SlaCredit credit = credit();
    credit.setRemedy(Remedy.CancellationRight);
    credit.setCreditPercent(0.0);

    String body =
        TEMPLATES
            .render(
                moment(NotificationEventType.SlaCreditDue, credit),
                Audience.Customers,
                NotificationLanguage.en)
            .body();

    assertThat(body)
        .contains("the right to cancel your contract without penalty")
        .doesNotContain("credit of");
  }

  @Test
  void restoredWithoutCreditTellsTheProviderNoneIsDue() {
    assertThat(
            TEMPLATES
                .render(
                    moment(NotificationEventType.Restored, null),
                    Audience.Provider,
                    NotificationLanguage.en)
                .body())
        .contains("No SLA credit is due.");
  }

  @Test
  void valuesAreNotHtmlEscaped() {
    PolicyMoment moment =
        new PolicyMoment(
            "default",
            "shop",
            NotificationEventType.SecurityAlert,
            AT,
            "a",
            Map.of(Facts.REASON, "usage > limit & more"));

    assertThat(TEMPLATES.render(moment, Audience.Customers, NotificationLanguage.en).body())
        .contains("usage > limit & more");
  }

  @Test
  void aVeryLongFactIsCutToTheMessageLimit() {
    PolicyMoment moment =
        new PolicyMoment(
            "default",
            "shop",
            NotificationEventType.SecurityAlert,
            AT,
            "a",
            Map.of(Facts.REASON, "x".repeat(10_000)));

    String text = TEMPLATES.render(moment, Audience.Customers, NotificationLanguage.en).text();

    assertThat(text).hasSize(MessageTemplates.MESSAGE_LIMIT).endsWith("…");
  }

  private static PolicyMoment moment(NotificationEventType type, SlaCredit credit) {
    return new PolicyMoment(
        "default",
        "shop",
        type,
        AT,
        "action-1",
        Map.of(
            Facts.FROM_DATA_CENTER, "toronto",
            Facts.TO_DATA_CENTER, "chicago",
            Facts.DATA_CENTER, "toronto",
            Facts.REASON, "API server unreachable",
            Facts.RTO, "1m 12s",
            Facts.UNTIL, "2026-03-02T00:00:00Z",
            Facts.RESULT, "passed",
            Facts.DETAIL, "6 faults recovered"),
        credit);
  }

  private static SlaCredit credit() {
    SlaCredit credit = new SlaCredit();
    credit.setRemedy(Remedy.Refund);
    credit.setCreditPercent(10.0);
    credit.setMeasuredAvailabilityPercent(99.2);
    credit.setSlaPercent(99.9);
    credit.setPeriod("2026-02");
    return credit;
  }
}
