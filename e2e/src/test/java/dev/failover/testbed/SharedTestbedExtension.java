package dev.failover.testbed;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one {@link Testbed} per JVM, started on first use and closed when the test run
 * ends (it lives in the root store, which closes {@link AutoCloseable} values). Data centers are
 * shared too: {@code testbed.dataCenter("toronto")} starts Toronto once for every class that asks.
 * A test that breaks a data center (stop, freeze, slow) restores it before it returns.
 *
 * <pre>
 * &#64;ExtendWith(SharedTestbedExtension.class)
 * class SomethingIT {
 *   &#64;Test
 *   void works(Testbed testbed) { ... testbed.dataCenter("toronto") ... }
 * }
 * </pre>
 */
public final class SharedTestbedExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedTestbedExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Testbed.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The JVM-wide testbed, started now if this is the first test to ask. */
  public static Testbed shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            SharedTestbed.class, key -> new SharedTestbed(Testbed.start()), SharedTestbed.class)
        .testbed();
  }

  /** The JVM-wide testbed if a test has started it; never starts one. */
  public static Optional<Testbed> started(ExtensionContext context) {
    return Optional.ofNullable(
            context.getRoot().getStore(NAMESPACE).get(SharedTestbed.class, SharedTestbed.class))
        .map(SharedTestbed::testbed);
  }

  /** The root store closes AutoCloseable values when the test run ends. */
  private record SharedTestbed(Testbed testbed) implements AutoCloseable {
    @Override
    public void close() {
      testbed.close();
    }
  }
}
