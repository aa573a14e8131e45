package dev.failover.operator.datacenter;

import dev.failover.api.v1alpha1.datacenter.KubeconfigSecretRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a data center's kubeconfig from its Secret in the hub, only in the one namespace the
 * operator may read Secrets in ({@code FAILOVER_SECRETS_NAMESPACE}): a DataCenter must not make the
 * operator read, and use, a Secret from any other namespace.
 */
final class KubeconfigSecrets {
  private final KubernetesClient hub;
  private final String secretsNamespace;

  KubeconfigSecrets(KubernetesClient hub, String secretsNamespace) {
    this.hub = hub;
    this.secretsNamespace = secretsNamespace;
  }

  /** The kubeconfig, or why there is none: never the Secret's content. */
  Result read(KubeconfigSecretRef ref) {
    String key = ref.getKey() == null ? "kubeconfig" : ref.getKey();
    String secretName = "Secret " + ref.getNamespace() + "/" + ref.getName();
    if (!secretsNamespace.equals(ref.getNamespace())) {
      return Result.problem(
          "SecretOutsideNamespace",
          "spec.kubeconfigSecretRef.namespace is "
              + ref.getNamespace()
              + ", but the operator reads kubeconfig Secrets only in "
              + secretsNamespace
              + " (FAILOVER_SECRETS_NAMESPACE)");
    }
    Secret secret;
    try {
      secret = hub.secrets().inNamespace(ref.getNamespace()).withName(ref.getName()).get();
    } catch (KubernetesClientException e) {
      return e.getCode() == 403
          ? Result.problem(
              "SecretForbidden",
              "the operator may not read "
                  + secretName
                  + " (403 Forbidden): grant its ServiceAccount get on Secrets in "
                  + secretsNamespace)
          : Result.problem(
              "SecretUnreadable",
              "cannot read "
                  + secretName
                  + " ("
                  + (e.getCode() > 0 ? e.getCode() : "no answer")
                  + ")");
    }
    if (secret == null) {
      return Result.problem("SecretNotFound", secretName + " does not exist");
    }
    Optional<String> encoded = Optional.ofNullable(secret.getData()).map(data -> data.get(key));
    if (encoded.isEmpty()) {
      return Result.problem("KubeconfigKeyMissing", secretName + " has no key " + key);
    }
    try {
      return new Result(
          new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8),
          null,
          secretName + " key " + key);
    } catch (IllegalArgumentException e) {
      return Result.problem(
          "KubeconfigInvalid", "key " + key + " of " + secretName + " is not base64");
    }
  }

  /**
   * @param source where the kubeconfig came from, for messages about its content
   */
  record Result(String kubeconfig, KubeconfigProblem problem, String source) {
    static Result problem(String reason, String message) {
      return new Result(null, new KubeconfigProblem(reason, message), null);
    }

    boolean found() {
      return kubeconfig != null;
    }
  }
}
