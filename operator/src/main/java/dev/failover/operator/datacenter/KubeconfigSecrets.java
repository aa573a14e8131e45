package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.datacenter.KubeconfigSecretRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads a data center's kubeconfig from its Secret in the hub. */
final class KubeconfigSecrets {
  private final KubernetesClient hub;

  KubeconfigSecrets(KubernetesClient hub) {
    this.hub = hub;
  }

  /** The kubeconfig, or a message for people saying why there is none. */
  Result read(KubeconfigSecretRef ref) {
    String key = ref.getKey() == null ? "kubeconfig" : ref.getKey();
    Secret secret = hub.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
    if (secret == null) {
      return Result.missing(
          "Secret " + ref.getNamespace() + "/" + ref.getName() + " does not exist");
    }
    Optional<String> encoded = Optional.ofNullable(secret.getData()).map(data -> data.get(key));
    if (encoded.isEmpty()) {
      return Result.missing(
          "Secret " + ref.getNamespace() + "/" + ref.getName() + " has no key " + key);
    }
    return new Result(
        new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8), null);
  }

  record Result(String kubeconfig, String problem) {
    static Result missing(String problem) {
      return new Result(null, problem);
    }

    boolean found() {
      return kubeconfig != null;
    }
  }
}
