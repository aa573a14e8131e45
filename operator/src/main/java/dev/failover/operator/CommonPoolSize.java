package dev.failover.operator;

import java.util.Properties;

/**
 * Sizes the JVM's common fork-join pool before anything uses it. On one or two CPUs its default
 * parallelism is 1, and {@link java.util.concurrent.CompletableFuture} then starts a new thread for
 * every asynchronous stage given no executor. The JDK's HTTP client, under the Kubernetes client,
 * completes every response that way: at a thousand policies the operator started about a hundred
 * threads a second. Two workers or more reuse their threads. Only non-blocking completions run
 * there; the operator's blocking reads have threads of their own.
 */
final class CommonPoolSize {
  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPoolSize() {}

  /**
   * Sets the parallelism unless it was set (e.g. in JAVA_TOOL_OPTIONS): the CPUs less one, at least
   * 2.
   */
  static void configure(Properties system, int processors) {
    if (system.getProperty(PARALLELISM) == null) {
      system.setProperty(PARALLELISM, String.valueOf(Math.max(2, processors - 1)));
    }
  }
}
