package dev.failover.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.failover.operator.config.OperatorConfig.LogFormat;
import java.io.OutputStream;
import org.slf4j.LoggerFactory;

/**
 * Sets the operator's log level and format from its configuration, in code rather than in a
 * logback.xml, so a bad value is refused by the configuration with a message naming the variable
 * instead of being ignored by logback. Called once at start, before any class logs.
 *
 * <p>Text lines read like {@code 2026-11-30T18:00:00.000Z INFO [main] d.f.o.FailoverOperator -
 * started}; JSON is one object per line (logback's {@link JsonEncoder}: {@code timestamp}, {@code
 * level}, {@code threadName}, {@code loggerName}, {@code message}, {@code throwable}), for log
 * pipelines that parse fields.
 */
public final class OperatorLogging {
  /**
   * JOSDK's InformerManager formats itself into its one DEBUG line, and its toString() throws for
   * an informer of GenericKubernetesResource (the operator's DNSEndpoint watch): it asks the class
   * for its API group. SLF4J then writes an error and a stack trace to standard error, outside the
   * configured format. That logger is therefore never below INFO.
   */
  static final String INFORMER_MANAGER =
      "io.javaoperatorsdk.operator.processing.event.source.informer.InformerManager";

  private static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n";

  private OperatorLogging() {}

  /** Logs to standard output, where the container runtime collects it. */
  public static void toStandardOutput(String level, LogFormat format) {
    install((LoggerContext) LoggerFactory.getILoggerFactory(), level, format);
  }

  static void install(LoggerContext context, String level, LogFormat format) {
    install(context, level, format, new ConsoleAppender<>());
  }

  /** Logs to {@code out}; for tests. */
  public static void to(LoggerContext context, String level, LogFormat format, OutputStream out) {
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setOutputStream(out);
    install(context, level, format, appender);
  }

  private static void install(
      LoggerContext context,
      String level,
      LogFormat format,
      OutputStreamAppender<ILoggingEvent> appender) {
    context.reset();
    Encoder<ILoggingEvent> encoder = format == LogFormat.json ? json(context) : text(context);
    appender.setContext(context);
    appender.setName("operator");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level configured = Level.toLevel(level, Level.INFO);
    root.setLevel(configured);
    if (!configured.isGreaterOrEqual(Level.INFO)) {
      context.getLogger(INFORMER_MANAGER).setLevel(Level.INFO);
    }
    root.addAppender(appender);
    context.start();
  }

  private static Encoder<ILoggingEvent> text(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(TEXT_PATTERN);
    encoder.start();
    return encoder;
  }

  /** Without the fields that only repeat themselves (context, sequence, raw arguments). */
  private static Encoder<ILoggingEvent> json(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithArguments(false);
    encoder.setWithMessage(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithMarkers(false);
    encoder.setWithKVPList(false);
    encoder.start();
    return encoder;
  }
}
