package dev.failover.operator.dr;

import dev.failover.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a trigger's HMAC key from the Secret {@code hmacSecretRef} names, in the policy's own
 * namespace only, as raw bytes. What goes wrong is told by the Secret's name and key, never by a
 * value.
 */
public final class TriggerKeys {
  /** Why there is no key: a reason for the condition, and a message. */
  public record Unusable(String reason, String message) {}

  /** A key, or why there is none. */
  public record Key(byte[] bytes, Unusable unusable) {
    static Key of(byte[] bytes) {
      return new Key(bytes, null);
    }

    static Key none(String reason, String message) {
      return new Key(null, new Unusable(reason, message));
    }

    public Optional<byte[]> value() {
      return Optional.ofNullable(bytes);
    }
  }

  private final KubernetesClient hub;

  public TriggerKeys(KubernetesClient hub) {
    this.hub = hub;
  }

  public Key read(String namespace, SecretKeyRef ref) {
    String shown = "Secret " + namespace + "/" + ref.getName();
    Secret secret;
    try {
      secret = hub.secrets().inNamespace(namespace).withName(ref.getName()).get();
    } catch (KubernetesClientException e) {
      return e.getCode() == 403
          ? Key.none(
              "KeyForbidden",
              "the operator may not read "
                  + shown
                  + " (403 Forbidden): grant its ServiceAccount get on Secrets in "
                  + namespace)
          : Key.none(
              "KeyUnreadable",
              "cannot read " + shown + " (" + (e.getCode() > 0 ? e.getCode() : "no answer") + ")");
    }
    if (secret == null) {
      return Key.none(
          "KeyMissing", shown + " (spec.disasterRecovery.trigger.dnsTxt.hmacSecretRef) is missing");
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(ref.getKey());
    if (encoded == null) {
      return Key.none("KeyMissing", shown + " has no key " + ref.getKey());
    }
    try {
      return Key.of(Base64.getDecoder().decode(encoded));
    } catch (IllegalArgumentException e) {
      return Key.none("KeyMissing", "key " + ref.getKey() + " of " + shown + " is not base64");
    }
  }
}
