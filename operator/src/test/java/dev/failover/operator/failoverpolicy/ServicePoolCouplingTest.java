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
import dev.failover.core.pool.PoolAssignment;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.pool.ServicePool;
import dev.failover.core.pool.ServicePools;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServicePoolCouplingTest {
  private static final PoolRetry RETRY = new PoolRetry(Duration.ofSeconds(1), 2, 20);
  private static final ServicePools POOLS =
      new ServicePools(
          List.of(
              new ServicePool("web", List.of("crm-web"), RETRY),
              new ServicePool("data", List.of("crm-db"), RETRY)));

  private final PolicyEvents events = mock(PolicyEvents.class);
  private final ServicePoolCoupling coupling =
      new ServicePoolCoupling(
          events, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
  private final FailoverPolicy policy = Policies.crm();

  @Test
  void aWorkloadHoldingTwoPoolsIsWarnedOnceWithTheComponentsNamed() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();
    Optional<PoolAssignment> coupled = Optional.of(POOLS.assign(List.of("crm-web", "crm-db")));

    coupling.note(policy, status, null, coupled);

    Condition condition = status.condition(ConditionTypes.SERVICE_POOLS_SEPARATE).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("PoolsCoupled");
    assertThat(condition.getMessage())
        .contains("web, data")
        .contains("crm-web (pool web), crm-db (pool data)")
        .contains("a policy of its own");
    verify(events).emit(eq(policy), eq("PoolsCoupled"), contains("crm-db (pool data)"), eq(true));

    FailoverPolicyStatus next = new FailoverPolicyStatus();
    coupling.note(policy, next, status, coupled);
    verify(events).emit(any(), anyString(), anyString(), anyBoolean());
  }

  @Test
  void aWorkloadOfOnePoolIsSeparate() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    coupling.note(policy, status, null, Optional.of(POOLS.assign(List.of("crm-web"))));

    Condition condition = status.condition(ConditionTypes.SERVICE_POOLS_SEPARATE).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("SinglePool");
    assertThat(condition.getMessage()).contains("service pool web");
    verify(events, never()).emit(any(), anyString(), anyString(), anyBoolean());
  }

  @Test
  void aWorkloadInNoPoolSaysSo() {
    FailoverPolicyStatus status = new FailoverPolicyStatus();

    coupling.note(policy, status, null, Optional.of(POOLS.assign(List.of("ledger"))));

    Condition condition = status.condition(ConditionTypes.SERVICE_POOLS_SEPARATE).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("NotPooled");
  }

  @Test
  void withoutPoolsTheConditionGoes() {
    FailoverPolicyStatus stored = new FailoverPolicyStatus();
    coupling.note(policy, stored, null, Optional.of(POOLS.assign(List.of("crm-web", "crm-db"))));
    FailoverPolicyStatus status = Policies.SERIALIZATION.clone(stored);

    coupling.note(policy, status, stored, Optional.empty());

    assertThat(status.condition(ConditionTypes.SERVICE_POOLS_SEPARATE)).isEmpty();
  }
}
