package dev.failover.e2e;

import dev.failover.testbed.PidFile;
import dev.failover.testbed.Testbed;
import java.nio.file.Path;
import java.util.List;

/**
 * A JVM that starts a testbed with a hub, runs the operator against it and then waits to be killed,
 * so a test can SIGKILL it and watch what is left. Writes the operator's pid to {@code args[1]}
 * once the operator is ready.
 *
 * <pre>java -cp ... OperatorInAnotherJvm WORK_ROOT PID_FILE</pre>
 */
public final class OperatorInAnotherJvm {
  private OperatorInAnotherJvm() {}

  public static void main(String[] args) throws InterruptedException {
    Testbed testbed = Testbed.start(Path.of(args[0]));
    FailoverWorld world = FailoverWorld.start(testbed, List.of());
    OperatorProcess operator = world.operator();
    PidFile.write(Path.of(args[1]), operator.pid());
    Thread.currentThread().join();
  }
}
