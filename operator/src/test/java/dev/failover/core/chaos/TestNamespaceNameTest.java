package dev.failover.core.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNamespaceNameTest {
  @Test
  void isDeterministicShortAndAValidNamespaceName() {
    String name = TestNamespaceName.of("shop", "toronto-restore");
    assertThat(name).isEqualTo(TestNamespaceName.of("shop", "toronto-restore"));
    assertThat(name).startsWith("crt-").hasSize(16).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    String longest = TestNamespaceName.of("n".repeat(63), "t".repeat(253));
    assertThat(longest.length()).isLessThanOrEqualTo(63);
  }

  @Test
  void differsBetweenTestsAndTenants() {
    assertThat(TestNamespaceName.of("shop", "a")).isNotEqualTo(TestNamespaceName.of("shop", "b"));
    assertThat(TestNamespaceName.of("shop", "a")).isNotEqualTo(TestNamespaceName.of("bank", "a"));
    assertThat(TestNamespaceName.of("a-b", "c")).isNotEqualTo(TestNamespaceName.of("a", "b-c"));
  }
}
