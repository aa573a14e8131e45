package dev.failover.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CommonPoolSizeTest {
  @Test
  void onTwoCpusTheCommonPoolGetsTwoWorkersNotAThreadPerTask() {
    Properties system = new Properties();

    CommonPoolSize.configure(system, 2);

    assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("2");
  }

  @Test
  void onMoreCpusItKeepsTheJvmsOwnRuleOfOneLessThanTheCpus() {
    Properties system = new Properties();

    CommonPoolSize.configure(system, 8);

    assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("7");
  }

  @Test
  void aParallelismSetByTheOperatorsJvmOptionsIsLeftAlone() {
    Properties system = new Properties();
    system.setProperty(CommonPoolSize.PARALLELISM, "5");

    CommonPoolSize.configure(system, 2);

    assertThat(system.getProperty(CommonPoolSize.PARALLELISM)).isEqualTo("5");
  }
}
