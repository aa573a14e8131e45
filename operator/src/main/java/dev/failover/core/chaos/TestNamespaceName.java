package dev.failover.core.chaos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The isolated namespace a test runs its copy of the workload in, in every data center it uses:
 * {@code crt-} and a hash of the test's namespace and name. Deterministic, so a restarted operator
 * finds it again; never a name a policy's own namespace could have by accident of a tenant's
 * choice, since tenants' namespaces are admitted by name and {@code crt-} ones are reserved.
 */
public final class TestNamespaceName {
  public static final String PREFIX = "crt-";
  private static final int HASH_LENGTH = 12;

  private TestNamespaceName() {}

  public static String of(String testNamespace, String testName) {
    return PREFIX + sha256(testNamespace + "/" + testName).substring(0, HASH_LENGTH);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
