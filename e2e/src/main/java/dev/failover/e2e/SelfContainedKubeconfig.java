package dev.failover.e2e;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A kubeconfig with its CA, client certificate and key inlined as {@code *-data} fields, so it
 * works wherever it is read: the operator gets it from a Secret and must not depend on files of the
 * testbed (kwokctl's kubeconfigs name their PEM files by path).
 */
public final class SelfContainedKubeconfig {
  private SelfContainedKubeconfig() {}

  /** The kubeconfig file's content with every referenced file inlined. */
  public static String of(Path kubeconfig) {
    return inline(RepositoryFiles.read(kubeconfig), kubeconfig.toAbsolutePath().getParent());
  }

  /** Inlines the files the kubeconfig names; relative names are resolved against {@code base}. */
  public static String inline(String kubeconfigYaml, Path base) {
    Config config = Serialization.unmarshal(kubeconfigYaml, Config.class);
    for (NamedCluster named : listOrEmpty(config.getClusters())) {
      Cluster cluster = named.getCluster();
      if (cluster.getCertificateAuthority() != null) {
        cluster.setCertificateAuthorityData(base64(base, cluster.getCertificateAuthority()));
        cluster.setCertificateAuthority(null);
      }
    }
    for (NamedAuthInfo named : listOrEmpty(config.getUsers())) {
      AuthInfo user = named.getUser();
      if (user.getClientCertificate() != null) {
        user.setClientCertificateData(base64(base, user.getClientCertificate()));
        user.setClientCertificate(null);
      }
      if (user.getClientKey() != null) {
        user.setClientKeyData(base64(base, user.getClientKey()));
        user.setClientKey(null);
      }
    }
    return Serialization.asYaml(config);
  }

  /**
   * The same kubeconfig with every user authenticating by {@code token} alone: the client
   * certificate of the testbed's admin is removed, so whoever reads it acts with the token's
   * identity and nothing more.
   */
  public static String withToken(String kubeconfigYaml, String token) {
    Config config = Serialization.unmarshal(kubeconfigYaml, Config.class);
    for (NamedAuthInfo named : listOrEmpty(config.getUsers())) {
      AuthInfo user = new AuthInfo();
      user.setToken(token);
      named.setUser(user);
    }
    return Serialization.asYaml(config);
  }

  private static String base64(Path base, String file) {
    Path path = base.resolve(file);
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inline " + path + " into a kubeconfig", e);
    }
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
