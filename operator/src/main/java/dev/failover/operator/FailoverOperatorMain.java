package dev.failover.operator;

/** Entry point of the operator process. */
public final class FailoverOperatorMain {
  private FailoverOperatorMain() {}

  public static void main(String[] args) {
    System.out.println("failover-operator");
  }
}
