package dev.failover.operator.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.failover.operator.config.OperatorConfig.LogFormat;

/**
 * Logback's setup until the operator applies its own ({@link OperatorLogging}), and for anything
 * else that runs the operator's classes with Logback: INFO, text. Found through the service loader,
 * in code rather than a logback.xml: parsing XML costs Logback hundreds of milliseconds at the
 * first logger, inside whatever the first logging class was timing. Without it Logback would log
 * everything at DEBUG.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    OperatorLogging.install(context, "info", LogFormat.text);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
