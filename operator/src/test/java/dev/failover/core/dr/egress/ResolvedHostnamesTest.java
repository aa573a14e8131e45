package dev.failover.core.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolvedHostnamesTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final String API = "api.payments.example";

  private static HostnameAnswer addresses(Duration ttl, String... blocks) {
    return new HostnameAnswer.Addresses(List.of(blocks), ttl);
  }

  @Test
  void aNameNeverAskedIsDue() {
    assertThat(ResolvedHostnames.none().due(List.of(API, "b.example", API), T0))
        .containsExactly(API, "b.example");
  }

  @Test
  void anAnswerIsAskedAgainWhenItsTtlRunsOut() {
    ResolvedHostnames names =
        ResolvedHostnames.none()
            .with(API, addresses(Duration.ofSeconds(60), "192.0.2.1/32"), T0, HOUR);

    assertThat(names.of(API).orElseThrow().blocks()).containsExactly("192.0.2.1/32");
    assertThat(names.of(API).orElseThrow().refreshAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(names.of(API).orElseThrow().error()).isEmpty();
    assertThat(names.due(List.of(API), T0.plusSeconds(59))).isEmpty();
    assertThat(names.due(List.of(API), T0.plusSeconds(60))).containsExactly(API);
  }

  @Test
  void aLongTtlIsCappedByTheRefreshInterval() {
    ResolvedHostnames names =
        ResolvedHostnames.none()
            .with(API, addresses(Duration.ofDays(1), "192.0.2.1/32"), T0, Duration.ofMinutes(10));

    assertThat(names.of(API).orElseThrow().refreshAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void aZeroTtlWaitsTheShortestRefreshNotZero() {
    ResolvedHostnames names =
        ResolvedHostnames.none().with(API, addresses(Duration.ZERO, "192.0.2.1/32"), T0, HOUR);

    assertThat(names.of(API).orElseThrow().refreshAt())
        .isEqualTo(T0.plus(ResolvedHostnames.SHORTEST_REFRESH));
  }

  @Test
  void aChangedAnswerReplacesTheAddresses() {
    ResolvedHostnames names =
        ResolvedHostnames.none()
            .with(API, addresses(Duration.ofSeconds(5), "192.0.2.1/32"), T0, HOUR)
            .with(
                API,
                addresses(Duration.ofSeconds(5), "192.0.2.9/32", "2001:db8::9/128"),
                T0.plusSeconds(5),
                HOUR);

    assertThat(names.of(API).orElseThrow().blocks())
        .containsExactly("192.0.2.9/32", "2001:db8::9/128");
    assertThat(names.of(API).orElseThrow().resolvedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void aFailureKeepsTheLastGoodAddressesSaysWhyAndRetriesSooner() {
    ResolvedHostnames good =
        ResolvedHostnames.none()
            .with(API, addresses(Duration.ofSeconds(300), "192.0.2.1/32"), T0, HOUR);
    Instant later = T0.plusSeconds(300);

    for (HostnameAnswer failure :
        List.of(
            new HostnameAnswer.Failed("no answer from 127.0.0.1:53"),
            new HostnameAnswer.NoSuchName(),
            new HostnameAnswer.Addresses(List.of(), Duration.ofSeconds(60)))) {
      HostnameResolution kept = good.with(API, failure, later, HOUR).of(API).orElseThrow();
      assertThat(kept.blocks()).as("%s", failure).containsExactly("192.0.2.1/32");
      assertThat(kept.resolvedAt()).contains(T0);
      assertThat(kept.refreshAt()).isEqualTo(later.plus(ResolvedHostnames.RETRY));
      assertThat(kept.error()).get().asString().endsWith("; keeping the last addresses");
    }
    assertThat(
            good.with(API, new HostnameAnswer.Failed("SERVFAIL"), later, HOUR)
                .of(API)
                .orElseThrow()
                .error())
        .contains("SERVFAIL; keeping the last addresses");
  }

  @Test
  void aFirstFailureHasNoAddressAndSaysSo() {
    HostnameResolution none =
        ResolvedHostnames.none()
            .with(API, new HostnameAnswer.NoSuchName(), T0, HOUR)
            .of(API)
            .orElseThrow();

    assertThat(none.blocks()).isEmpty();
    assertThat(none.resolvedAt()).isEmpty();
    assertThat(none.error()).contains("NXDOMAIN: the name does not exist; no address to allow yet");
  }

  @Test
  void aShortIntervalBoundsTheRetryToo() {
    HostnameResolution failed =
        ResolvedHostnames.none()
            .with(API, new HostnameAnswer.Failed("timeout"), T0, Duration.ofSeconds(10))
            .of(API)
            .orElseThrow();

    assertThat(failed.refreshAt()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void aNameTakenOffTheListIsForgottenAndTheNextRefreshIsTheEarliest() {
    ResolvedHostnames names =
        ResolvedHostnames.none()
            .with(API, addresses(Duration.ofSeconds(60), "192.0.2.1/32"), T0, HOUR)
            .with("b.example", addresses(Duration.ofSeconds(30), "192.0.2.2/32"), T0, HOUR);

    assertThat(names.nextRefresh()).contains(T0.plusSeconds(30));
    ResolvedHostnames kept = names.retain(Set.of(API));
    assertThat(kept.all()).extracting(HostnameResolution::hostname).containsExactly(API);
    assertThat(kept.nextRefresh()).contains(T0.plusSeconds(60));
    assertThat(ResolvedHostnames.none().nextRefresh()).isEqualTo(Optional.empty());
  }
}
