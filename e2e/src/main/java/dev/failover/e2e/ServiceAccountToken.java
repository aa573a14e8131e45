package dev.failover.e2e;

import dev.failover.testbed.TestbedException;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Tokens for a ServiceAccount from the TokenRequest API, as {@code kubectl create token} gets. */
final class ServiceAccountToken {
  /** Longer than any test run or demo session; tokens are issued per world. */
  private static final long LIFETIME_SECONDS = 24 * 60 * 60;

  private ServiceAccountToken() {}

  static String issue(KubernetesClient admin, String namespace, String serviceAccount) {
    TokenRequest issued =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(LIFETIME_SECONDS)
                    .endSpec()
                    .build());
    if (issued.getStatus() == null || issued.getStatus().getToken() == null) {
      throw new TestbedException(
          "no token issued for ServiceAccount " + namespace + "/" + serviceAccount);
    }
    return issued.getStatus().getToken();
  }
}
