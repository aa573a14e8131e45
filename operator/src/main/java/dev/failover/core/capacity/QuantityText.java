package dev.failover.core.capacity;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads Kubernetes quantities ({@code 250m}, {@code 1.5}, {@code 512Mi}, {@code 1G}, {@code 2e3})
 * with fabric8's parser and writes amounts back in the form people read in {@code kubectl}: CPU in
 * cores or millicores ({@code 2}, {@code 1500m}), memory with the largest binary suffix that keeps
 * it exact ({@code 256Gi}, {@code 1536Mi}, {@code 1000}). Fractions are rounded up, as the
 * scheduler does: {@code 0.1m} of CPU is {@code 1m}, half a byte is a byte.
 */
public final class QuantityText {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final String[] BINARY_SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private QuantityText() {}

  /**
   * @throws IllegalArgumentException when the text is not a quantity or is negative
   */
  public static long cpuMillis(String quantity) {
    return cpuMillis(parse(quantity));
  }

  public static long cpuMillis(Quantity quantity) {
    return nonNegative(amount(quantity).multiply(THOUSAND), quantity);
  }

  /**
   * @throws IllegalArgumentException when the text is not a quantity or is negative
   */
  public static long bytes(String quantity) {
    return bytes(parse(quantity));
  }

  public static long bytes(Quantity quantity) {
    return nonNegative(amount(quantity), quantity);
  }

  public static String cpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  public static String memory(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    long amount = bytes;
    int suffix = -1;
    while (amount % 1024 == 0 && suffix < BINARY_SUFFIXES.length - 1) {
      amount /= 1024;
      suffix++;
    }
    return suffix < 0 ? Long.toString(amount) : amount + BINARY_SUFFIXES[suffix];
  }

  private static Quantity parse(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("an empty quantity");
    }
    return new Quantity(quantity);
  }

  private static BigDecimal amount(Quantity quantity) {
    try {
      return Quantity.getAmountInBytes(quantity);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("not a quantity: " + quantity, e);
    }
  }

  private static long nonNegative(BigDecimal amount, Quantity quantity) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a negative quantity: " + quantity);
    }
    try {
      return amount.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("a quantity too large to count: " + quantity, e);
    }
  }
}
