package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.e2e.RepositoryFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Typed resources from examples/, so the tests act on what users are shown. */
final class Examples {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Examples() {}

  /** The SaaS CRM policy (a Deployment of 2 and a Service), moved into its own namespace. */
  static FailoverPolicy crmPolicyIn(String namespace) {
    FailoverPolicy policy = find("saas-crm.yaml", "FailoverPolicy", "crm", FailoverPolicy.class);
    policy.getMetadata().setNamespace(namespace);
    return policy;
  }

  static DataCenter dataCenter(String name) {
    return find("datacenters.yaml", "DataCenter", name, DataCenter.class);
  }

  private static <T> T find(String file, String kind, String name, Class<T> type) {
    GenericKubernetesResource document =
        RepositoryFiles.documents(RepositoryFiles.root().resolve("examples").resolve(file)).stream()
            .filter(d -> d.getKind().equals(kind) && d.getMetadata().getName().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(kind + " " + name + " in " + file));
    return SERIALIZATION.convertValue(document, type);
  }
}
