package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.SecretKeyRef;
import java.util.HashMap;
import java.util.Map;

/** Secrets as a map of "name/key" to value, missing ones refused like the hub's. */
final class MapSecrets implements ChannelSecrets {
  final Map<String, String> values = new HashMap<>();

  MapSecrets with(String secret, String key, String value) {
    values.put(secret + "/" + key, value);
    return this;
  }

  @Override
  public String read(String namespace, SecretKeyRef ref, String field)
      throws ChannelUnusableException {
    String value = values.get(ref.getName() + "/" + ref.getKey());
    if (value == null) {
      throw new ChannelUnusableException(
          "SecretNotFound",
          field + ": Secret " + namespace + "/" + ref.getName() + " does not exist");
    }
    return value;
  }
}
