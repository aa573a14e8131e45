package dev.failover.testbed;

/** The testbed could not do what was asked; the message says what and where to look. */
public class TestbedException extends RuntimeException {
  public TestbedException(String message) {
    super(message);
  }

  public TestbedException(String message, Throwable cause) {
    super(message, cause);
  }
}
