package dev.failover.e2e;

import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Asks a real API server's authorizer what one identity may do (SubjectAccessReviews), the way
 * {@code kubectl auth can-i --as} does: resources are named kubectl's way, {@code
 * resource[.group][/subresource]}, e.g. {@code datacenters.failover.dev/status}.
 */
public final class AccessReviews {
  private final KubernetesClient admin;
  private final String user;
  private final List<String> groups;

  private AccessReviews(KubernetesClient admin, String user, List<String> groups) {
    this.admin = admin;
    this.user = user;
    this.groups = groups;
  }

  /** A ServiceAccount, with the groups the API server gives its tokens. */
  public static AccessReviews ofServiceAccount(
      KubernetesClient admin, String namespace, String name) {
    return new AccessReviews(
        admin,
        "system:serviceaccount:" + namespace + ":" + name,
        List.of(
            "system:serviceaccounts",
            "system:serviceaccounts:" + namespace,
            "system:authenticated"));
  }

  /** A user with no groups but the one every authenticated request has. */
  public static AccessReviews ofUser(KubernetesClient admin, String user) {
    return new AccessReviews(admin, user, List.of("system:authenticated"));
  }

  /** A member of a group, as some user the review names after the group. */
  public static AccessReviews ofGroup(KubernetesClient admin, String group) {
    return new AccessReviews(admin, "member-of-" + group, List.of(group, "system:authenticated"));
  }

  public String user() {
    return user;
  }

  /** Cluster-wide, or any namespace for a namespaced resource. */
  public boolean allows(String verb, String resource) {
    return allows(verb, resource, null, null);
  }

  public boolean allows(String verb, String resource, String namespace) {
    return allows(verb, resource, namespace, null);
  }

  public boolean allows(String verb, String resource, String namespace, String name) {
    String[] resourceAndSubresource = resource.split("/", 2);
    String[] nameAndGroup = resourceAndSubresource[0].split("\\.", 2);
    ResourceAttributes attributes =
        new ResourceAttributesBuilder()
            .withVerb(verb)
            .withResource(nameAndGroup[0])
            .withGroup(nameAndGroup.length > 1 ? nameAndGroup[1] : "")
            .withSubresource(resourceAndSubresource.length > 1 ? resourceAndSubresource[1] : null)
            .withNamespace(namespace)
            .withName(name)
            .build();
    return review(
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups(groups)
            .withResourceAttributes(attributes)
            .endSpec()
            .build());
  }

  /** A path that is not a resource, such as {@code /readyz}. */
  public boolean allowsPath(String verb, String path) {
    return review(
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups(groups)
            .withNonResourceAttributes(
                new NonResourceAttributesBuilder().withVerb(verb).withPath(path).build())
            .endSpec()
            .build());
  }

  private boolean review(SubjectAccessReview review) {
    SubjectAccessReview answered = admin.authorization().v1().subjectAccessReview().create(review);
    return answered.getStatus() != null && Boolean.TRUE.equals(answered.getStatus().getAllowed());
  }
}
