package dev.failover.operator;

import dev.failover.operator.config.OperatorConfig;

/** Entry point of the operator process. */
public final class FailoverOperatorMain {
  private FailoverOperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config = OperatorConfig.fromEnvironment(System.getenv());
    FailoverOperator operator = FailoverOperator.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(operator::close, "shutdown"));
    Thread.currentThread().join();
  }
}
