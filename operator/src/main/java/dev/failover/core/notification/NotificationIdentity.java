package dev.failover.core.notification;

import dev.failover.core.ShortName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name and idempotency key of the Notification a moment makes for one channel, derived only
 * from (namespace, policy, type, occurrence id, channel): the same moment published twice, by a
 * retried reconcile or a restarted operator, names the same Notification, so the second create is
 * refused and nothing is sent twice. The name starts with the policy and the type, for people; a
 * hash of the whole tuple makes it unique.
 *
 * @param name the Notification's metadata.name
 * @param idempotencyKey sent with every attempt, so receivers drop duplicates
 */
public record NotificationIdentity(String name, String idempotencyKey) {
  private static final int NAME_LIMIT = 253;
  private static final int HASH_LENGTH = 16;

  public static NotificationIdentity of(PolicyMoment moment, String channel) {
    String hash =
        sha256(
                String.join(
                    "\n",
                    moment.namespace(),
                    moment.policyName(),
                    moment.type().name(),
                    moment.occurrenceId(),
                    channel))
            .substring(0, HASH_LENGTH);
    String prefix = moment.policyName() + "-" + moment.type().name().toLowerCase(Locale.ROOT);
    String name = ShortName.of(prefix, NAME_LIMIT - HASH_LENGTH - 1) + "-" + hash;
    // The hash covers the namespace, so the name is unique across namespaces too.
    return new NotificationIdentity(name, name);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
