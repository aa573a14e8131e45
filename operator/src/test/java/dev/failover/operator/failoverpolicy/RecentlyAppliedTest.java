package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecentlyAppliedTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
  private final RecentlyApplied applied =
      new RecentlyApplied(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          });

  @Test
  void theSameApplyIsNotRepeatedWhileFresh() {
    FailoverPolicy policy = policy(1);
    applied.applied(policy, "toronto", ReplicasMode.Full);

    assertThat(applied.isCurrent(policy, "toronto", ReplicasMode.Full, false)).isTrue();
    assertThat(applied.isCurrent(policy, "chicago", ReplicasMode.Full, false)).isFalse();
  }

  @Test
  void anotherSizeOrANewGenerationIsAppliedAgain() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.ScaledDown, false)).isFalse();
    assertThat(applied.isCurrent(policy(2), "toronto", ReplicasMode.Full, false)).isFalse();
  }

  @Test
  void anEntryExpiresSoDriftIsCorrected() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);
    now.set(now.get().plus(RecentlyApplied.FRESH_FOR).plus(Duration.ofMillis(1)));

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, false)).isFalse();
  }

  @Test
  void aFenceForgetsTheApply() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);
    applied.forget(policy(1), "toronto");

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, false)).isFalse();
  }

  @Test
  void aWatchedWorkloadStaysCurrentLongerUntilAChangeIsTold() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);
    now.set(now.get().plus(RecentlyApplied.FRESH_FOR).plus(Duration.ofMillis(1)));

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isTrue();

    applied.changed("shop", "crm", "chicago");
    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isTrue();
    applied.changed("other", "crm", "toronto");
    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isTrue();

    applied.changed("shop", "crm", "toronto");
    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isFalse();
  }

  @Test
  void aWatchedWorkloadIsAppliedAgainAfterItsLongerWhile() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);
    now.set(now.get().plus(RecentlyApplied.FRESH_FOR_WATCHED).plus(Duration.ofMillis(1)));

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isFalse();
  }

  @Test
  void aDeletedPolicyIsForgottenEverywhere() {
    applied.applied(policy(1), "toronto", ReplicasMode.Full);
    applied.applied(policy(1), "chicago", ReplicasMode.Full);
    applied.forget(policy(1));

    assertThat(applied.isCurrent(policy(1), "toronto", ReplicasMode.Full, true)).isFalse();
    assertThat(applied.isCurrent(policy(1), "chicago", ReplicasMode.Full, true)).isFalse();
  }

  private static FailoverPolicy policy(long generation) {
    FailoverPolicy policy = new FailoverPolicy();
    policy.setMetadata(
        new ObjectMetaBuilder()
            .withName("crm")
            .withNamespace("shop")
            .withUid("uid-1")
            .withGeneration(generation)
            .build());
    return policy;
  }
}
