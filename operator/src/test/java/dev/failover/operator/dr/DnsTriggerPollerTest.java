package dev.failover.operator.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.dr.TriggerPolls.Answer;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DnsTriggerPollerTest {
  private static final DnsTriggerPoller.Target SHARED =
      new DnsTriggerPoller.Target("dr.shop.example", Optional.of("127.0.0.1:5353"));
  private static final ResourceID CRM = new ResourceID("crm", "shop");
  private static final ResourceID BILLING = new ResourceID("billing", "shop");
  private static final Duration WITHIN = Duration.ofSeconds(10);

  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicReference<Answer> answer =
      new AtomicReference<>(new Answer.Values(List.of("v=spf1 -all")));
  private final ConcurrentLinkedQueue<ResourceID> woken = new ConcurrentLinkedQueue<>();

  private DnsTriggerPoller poller() {
    return new DnsTriggerPoller(
        (name, resolver) -> {
          lookups.incrementAndGet();
          return answer.get();
        },
        Clock.systemUTC(),
        woken::add);
  }

  @Test
  void policiesSharingANameAndResolverShareOnePollAndAreWokenByItsFirstAnswer() {
    try (DnsTriggerPoller poller = poller()) {
      poller.watch(CRM, SHARED, Duration.ofSeconds(1));
      poller.watch(BILLING, SHARED, Duration.ofSeconds(30));

      await(() -> poller.latest(SHARED).isPresent());
      await(() -> woken.containsAll(Set.of(CRM, BILLING)));

      assertThat(poller.latest(SHARED).get().answer()).isEqualTo(answer.get());
      assertThat(lookups.get()).as("one lookup for both policies").isEqualTo(1);
    }
  }

  @Test
  void onlyAChangedAnswerWakesThePoliciesAgain() {
    try (DnsTriggerPoller poller = poller()) {
      poller.watch(CRM, SHARED, Duration.ofMillis(100)); // raised to the 1 s floor
      await(() -> woken.size() == 1);
      long first = poller.latest(SHARED).get().sequence();
      await(() -> poller.latest(SHARED).get().sequence() > first);
      assertThat(woken).as("the same answer again wakes nobody").hasSize(1);

      answer.set(new Answer.NoSuchName());
      await(() -> woken.size() == 2);
      assertThat(poller.latest(SHARED).get().answer()).isEqualTo(new Answer.NoSuchName());
    }
  }

  @Test
  void aForgottenTargetIsNoLongerAsked() {
    try (DnsTriggerPoller poller = poller()) {
      poller.watch(CRM, SHARED, Duration.ofSeconds(1));
      await(() -> poller.latest(SHARED).isPresent());

      poller.retain(Set.of(BILLING));

      assertThat(poller.latest(SHARED)).isEmpty();
    }
  }

  @Test
  void aLookupThatThrowsIsNoAnswer() {
    try (DnsTriggerPoller poller =
        new DnsTriggerPoller(
            (name, resolver) -> {
              throw new IllegalStateException("boom");
            },
            Clock.systemUTC(),
            woken::add)) {
      poller.watch(CRM, SHARED, Duration.ofSeconds(1));
      await(() -> poller.latest(SHARED).isPresent());
      assertThat(poller.latest(SHARED).get().answer()).isInstanceOf(Answer.NoAnswer.class);
    }
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(WITHIN);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited for the poller").isBefore(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
