package dev.failover.operator.chaos;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.core.chaos.TestNamespaceName;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Map;

/**
 * The isolated namespace of a restore test in one data center: created labelled with the test's
 * identity, given a RoleBinding of the member chart's restore-test role to the operator itself (it
 * has no rights in a namespace it just created), and deleted with everything in it afterwards.
 */
final class TestNamespaces {
  /** Marks every test namespace: {@code kubectl get ns -l failover.dev/restore-test}. */
  static final String TEST_LABEL = "failover.dev/restore-test";

  static final String TEST_NAMESPACE_LABEL = "failover.dev/restore-test-namespace";

  /**
   * The member chart's ClusterRole for test namespaces (helm/failover-operator/member-rbac): a
   * fixed name, which the operator may bind and nothing else.
   */
  static final String ROLE = "failover-operator-restore-test";

  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  private TestNamespaces() {}

  static String name(ChaosRestoreTest test) {
    return TestNamespaceName.of(test.getMetadata().getNamespace(), test.getMetadata().getName());
  }

  /** The labels of the test namespace and of every object of the test copy. */
  static Map<String, String> labels(ChaosRestoreTest test) {
    return Map.of(
        TEST_LABEL,
        PolicyLabels.labelValue(test.getMetadata().getName()),
        TEST_NAMESPACE_LABEL,
        test.getMetadata().getNamespace(),
        PolicyLabels.MANAGED_BY,
        ServerSideApply.FIELD_MANAGER);
  }

  /**
   * Creates the namespace and the operator's RoleBinding in it, unless there already.
   *
   * @throws IllegalStateException when a namespace of that name exists that is not this test's, or
   *     is still being deleted after an earlier run
   */
  static void ensure(KubernetesClient client, ChaosRestoreTest test) {
    String name = name(test);
    Namespace current = client.namespaces().withName(name).get();
    if (current == null) {
      try {
        client
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .withLabels(labels(test))
                    .endMetadata()
                    .build())
            .create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
      }
    } else if (!isTests(current, test)) {
      throw new IllegalStateException(
          "namespace " + name + " exists and is not this test's; it is left alone");
    } else if (current.getMetadata().getDeletionTimestamp() != null) {
      throw new IllegalStateException(
          "namespace " + name + " of an earlier run is still being deleted");
    }
    // Created, never read: before it exists the operator has no right to read it.
    try {
      client.resource(roleBinding(name, self(client))).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * Deletes the namespace (and so the test copy) if it is this test's.
   *
   * @return true once it is gone
   */
  static boolean remove(KubernetesClient client, ChaosRestoreTest test) {
    String name = name(test);
    Namespace current = client.namespaces().withName(name).get();
    if (current == null) {
      return true;
    }
    if (!isTests(current, test)) {
      return true; // someone else's: never deleted
    }
    if (current.getMetadata().getDeletionTimestamp() == null) {
      client.namespaces().withName(name).delete();
    }
    return false;
  }

  private static boolean isTests(Namespace namespace, ChaosRestoreTest test) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    return labels != null
        && PolicyLabels.labelValue(test.getMetadata().getName()).equals(labels.get(TEST_LABEL))
        && test.getMetadata().getNamespace().equals(labels.get(TEST_NAMESPACE_LABEL));
  }

  /** Who the operator is in this data center, as the API server authenticates it. */
  private static Subject self(KubernetesClient client) {
    UserInfo user = client.resource(new SelfSubjectReview()).create().getStatus().getUserInfo();
    String username = user.getUsername();
    if (username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      String[] parts = username.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", 2);
      return new SubjectBuilder()
          .withKind("ServiceAccount")
          .withNamespace(parts[0])
          .withName(parts[1])
          .build();
    }
    return new SubjectBuilder()
        .withKind("User")
        .withApiGroup("rbac.authorization.k8s.io")
        .withName(username)
        .build();
  }

  private static RoleBinding roleBinding(String namespace, Subject subject) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(ROLE)
        .withNamespace(namespace)
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole")
        .withName(ROLE)
        .endRoleRef()
        .withSubjects(subject)
        .build();
  }
}
