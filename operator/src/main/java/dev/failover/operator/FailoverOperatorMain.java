package dev.failover.operator;

import dev.failover.operator.config.OperatorConfig;
import dev.failover.operator.logging.OperatorLogging;

/** Entry point of the operator process. */
public final class FailoverOperatorMain {
  /** The exit code for settings that cannot be right; a restart will not help. */
  static final int BAD_CONFIGURATION = 2;

  private FailoverOperatorMain() {}

  public static void main(String[] args) throws Exception {
    // First of all: the common pool takes its size when first used.
    CommonPoolSize.configure(System.getProperties(), Runtime.getRuntime().availableProcessors());
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      // Logging is not set up yet (its settings are part of what was refused).
      System.err.println("failover-operator: refusing to start: " + e.getMessage());
      System.exit(BAD_CONFIGURATION);
      return;
    }
    // Before the first logger exists, so every line has the configured level and format.
    OperatorLogging.toStandardOutput(config.logLevel(), config.logFormat());
    FailoverOperator operator = FailoverOperator.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(operator::close, "shutdown"));
    Thread.currentThread().join();
  }
}
