package dev.failover.operator.notification.channels;

import dev.failover.api.v1alpha1.common.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A channel's Secrets, read from the hub in the channel's own namespace only: a channel cannot make
 * the operator read a Secret of another namespace. Messages name the Secret and key, never a value.
 */
public final class HubChannelSecrets implements ChannelSecrets {
  private final KubernetesClient hub;

  public HubChannelSecrets(KubernetesClient hub) {
    this.hub = hub;
  }

  @Override
  public String read(String namespace, SecretKeyRef ref, String field)
      throws ChannelUnusableException {
    String secretName = "Secret " + namespace + "/" + ref.getName();
    Secret secret;
    try {
      secret = hub.secrets().inNamespace(namespace).withName(ref.getName()).get();
    } catch (KubernetesClientException e) {
      throw e.getCode() == 403
          ? new ChannelUnusableException(
              "SecretForbidden",
              field
                  + ": the operator may not read "
                  + secretName
                  + " (403 Forbidden): grant its ServiceAccount get on Secrets in "
                  + namespace)
          : new ChannelUnusableException(
              "SecretUnreadable",
              field
                  + ": cannot read "
                  + secretName
                  + " ("
                  + (e.getCode() > 0 ? e.getCode() : "no answer")
                  + ")");
    }
    if (secret == null) {
      throw new ChannelUnusableException(
          "SecretNotFound", field + ": " + secretName + " does not exist");
    }
    Optional<String> encoded =
        Optional.ofNullable(secret.getData()).map(data -> data.get(ref.getKey()));
    if (encoded.isEmpty()) {
      throw new ChannelUnusableException(
          "SecretKeyMissing", field + ": " + secretName + " has no key " + ref.getKey());
    }
    try {
      return new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ChannelUnusableException(
          "SecretKeyInvalid",
          field + ": key " + ref.getKey() + " of " + secretName + " is not base64");
    }
  }
}
