package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.SecretKeyRef;

/** Reads one key of a Secret in a channel's namespace. */
public interface ChannelSecrets {
  /**
   * The key's value, decoded.
   *
   * @throws ChannelUnusableException naming the Secret and key when either is missing or the
   *     operator may not read it
   */
  String read(String namespace, SecretKeyRef ref, String field) throws ChannelUnusableException;
}
