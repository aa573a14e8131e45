package dev.failover.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A name cut to a length limit (a label value holds 63 characters, an object name 253). A longer
 * name keeps its start, for people, and ends with a hash of the whole name, so two long names that
 * share a start differ. Object names start and end alphanumeric, and so does the hash: the result
 * stays valid.
 */
public final class ShortName {
  private static final int HASH_LENGTH = 8;

  private ShortName() {}

  public static String of(String name, int maxLength) {
    if (name.length() <= maxLength) {
      return name;
    }
    String start = name.substring(0, maxLength - HASH_LENGTH - 1);
    return start + "-" + sha256(name).substring(0, HASH_LENGTH);
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
