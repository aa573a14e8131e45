package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MissingDataCentersTest {
  private final PolicyEvents events = mock(PolicyEvents.class);
  private final MissingDataCenters missing =
      new MissingDataCenters(
          events, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));
  private final FailoverPolicy policy = Policies.crm();

  @Test
  void aListedDataCenterWithoutResourceIsAFalseConditionAndOneWarning() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    missing.note(policy, status, null, List.of("toronto", "chicago"), Set.of("toronto"));

    Condition found = status.condition(ConditionTypes.DATA_CENTERS_FOUND).orElseThrow();
    assertThat(found.getStatus()).isEqualTo("False");
    assertThat(found.getReason()).isEqualTo("DataCenterMissing");
    assertThat(found.getMessage()).contains("chicago").doesNotContain("toronto");
    verify(events).emit(eq(policy), eq("DataCenterMissing"), contains("chicago"), eq(true));
  }

  @Test
  void aDataCenterStillMissingIsNotAnnouncedAgain() {
    FailoverPolicyStatus stored = new FailoverPolicyStatus();
    missing.note(policy, stored, null, List.of("toronto", "chicago"), Set.of("toronto"));
    FailoverPolicyStatus next = new FailoverPolicyStatus();

    missing.note(policy, next, stored, List.of("toronto", "chicago"), Set.of("toronto"));

    verify(events).emit(any(), anyString(), anyString(), anyBoolean());
    assertThat(next.condition(ConditionTypes.DATA_CENTERS_FOUND).orElseThrow().getStatus())
        .isEqualTo("False");
  }

  @Test
  void everyDataCenterFoundIsATrueConditionAndNoEvent() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    missing.note(policy, status, null, List.of("toronto"), Set.of("toronto"));

    assertThat(status.condition(ConditionTypes.DATA_CENTERS_FOUND).orElseThrow().getStatus())
        .isEqualTo("True");
    verify(events, never()).emit(any(), anyString(), anyString(), anyBoolean());
  }
}
