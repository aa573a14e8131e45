package dev.failover.operator.policyhealth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyKeyTest {
  @Test
  void aLoopKeyNamesThePolicyAndTheDataCenter() {
    PolicyKey key = new PolicyKey("shop", "crm");

    String loop = key.in("toronto");

    assertThat(PolicyKey.ofLoop(loop)).isEqualTo(key);
    assertThat(PolicyKey.dataCenterOf(loop)).isEqualTo("toronto");
    assertThat(key.resourceId().getNamespace()).contains("shop");
    assertThat(key.resourceId().getName()).isEqualTo("crm");
  }
}
