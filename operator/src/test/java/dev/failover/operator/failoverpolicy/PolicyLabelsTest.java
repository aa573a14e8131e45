package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class PolicyLabelsTest {
  /** Kubernetes' rule for label values. */
  private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";

  @Test
  void labelsNameThePolicyAndTheOperator() {
    assertThat(PolicyLabels.of(Policies.crm()))
        .containsOnly(
            entry(PolicyLabels.NAMESPACE, "shop"),
            entry(PolicyLabels.NAME, "crm"),
            entry(PolicyLabels.MANAGED_BY, "failover-operator"));
  }

  @Test
  void aNameThatFitsALabelValueIsKeptAsItIs() {
    String name = "a".repeat(PolicyLabels.MAX_VALUE_LENGTH);

    assertThat(PolicyLabels.labelValue(name)).isEqualTo(name);
  }

  @Test
  void aLongerNameKeepsItsStartAndEndsWithAHashThatTellsNamesApart() {
    String prefix = "crm.web.".repeat(9);
    String first = PolicyLabels.labelValue(prefix + "first");
    String second = PolicyLabels.labelValue(prefix + "second");

    assertThat(first).hasSize(PolicyLabels.MAX_VALUE_LENGTH).matches(LABEL_VALUE);
    assertThat(first).startsWith(prefix.substring(0, 54));
    assertThat(second).hasSize(PolicyLabels.MAX_VALUE_LENGTH).isNotEqualTo(first);
  }
}
