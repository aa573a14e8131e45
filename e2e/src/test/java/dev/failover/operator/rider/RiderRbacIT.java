package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.RiderKind;
import dev.failover.core.rider.GrantPlan;
import dev.failover.core.rider.RbacRule;
import dev.failover.core.rider.RiderGrant;
import dev.failover.core.rider.Subject;
import dev.failover.core.rider.TaskRole;
import dev.failover.core.rider.TaskRoles;
import dev.failover.e2e.AccessReviews;
import dev.failover.e2e.FailoverWorld;
import dev.failover.testbed.SharedTestbedExtension;
import dev.failover.testbed.Testbed;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task-to-RBAC mapping, proven on a real API server with RBAC on: the operator, as its member
 * identity (the member-rbac chart, nothing more), binds every grantable task of every rider to a
 * user of its own; then a SubjectAccessReview per check shows that each user can do exactly what
 * its task allows, nothing else in the rider's namespace, nothing at all in another namespace, and
 * none of what the provider keeps.
 */
@ExtendWith(SharedTestbedExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiderRbacIT {
  private static final String TENANT = "rider-rbac-it";
  private static final String OTHER = "rider-rbac-it-other";
  private static final String DATA_CENTER = "toronto";
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final List<String> VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  private FailoverWorld world;
  private KubernetesClient admin;
  private KubernetesClient operator;
  private final List<RiderTerms> riders = new ArrayList<>();

  @BeforeAll
  void bindEveryTask(Testbed testbed) {
    world = FailoverWorld.start(testbed);
    world.admitWorkloadNamespace(TENANT);
    admin = world.dataCenter(DATA_CENTER).client();
    dev.failover.e2e.ServerSideApply.namespace(admin, OTHER);
    operator = world.operatorClient(DATA_CENTER);
    for (RiderKind kind : RiderKind.values()) {
      RiderTerms rider = everyTask(kind, TaskRoles.all());
      riders.add(rider);
      RiderBindings.Outcome outcome = sync(rider);
      assertThat(outcome.applied()).as("%s: %s", kind, outcome.message()).isTrue();
    }
  }

  @AfterAll
  void removeEverything() {
    try {
      if (operator != null) {
        riders.forEach(rider -> RiderBindings.removeAll(operator, rider, List.of(TENANT)));
        assertThat(
                admin
                    .rbac()
                    .roleBindings()
                    .inNamespace(TENANT)
                    .withLabel(RiderLabels.KIND)
                    .list()
                    .getItems())
            .as("every rider binding removed")
            .isEmpty();
        operator.close();
      }
    } finally {
      if (admin != null) {
        admin.namespaces().withName(OTHER).delete();
        assertThat(world.removeWorkloadNamespace(TENANT)).as("clean-up").isEmpty();
      }
      if (world != null) {
        world.close();
      }
    }
  }

  @Test
  void everyTaskAllowsExactlyItsRulesHereAndNothingElseAnywhere() {
    int allowed = 0;
    int denied = 0;
    Set<String> universe = universe();
    for (TaskRole role : TaskRoles.all()) {
      AccessReviews user = AccessReviews.ofUser(admin, user(role));
      Set<String> granted = new LinkedHashSet<>();
      for (RbacRule rule : role.rules()) {
        for (String group : rule.apiGroups()) {
          for (String resource : rule.resources()) {
            for (String verb : rule.verbs()) {
              List<String> names =
                  rule.resourceNames().isEmpty()
                      ? java.util.Collections.singletonList(null)
                      : rule.resourceNames();
              for (String name : names) {
                String what = kubectlName(group, resource);
                assertThat(user.allows(verb, what, TENANT, name))
                    .as("%s may %s %s %s in %s", role.task(), verb, what, name, TENANT)
                    .isTrue();
                assertThat(user.allows(verb, what, OTHER, name))
                    .as("%s may not %s %s in %s", role.task(), verb, what, OTHER)
                    .isFalse();
                allowed++;
                denied++;
                if (name == null) {
                  granted.add(verb + " " + what);
                }
              }
            }
          }
        }
      }
      for (String what : universe) {
        for (String verb : VERBS) {
          if (!granted.contains(verb + " " + what)) {
            assertThat(user.allows(verb, what, TENANT))
                .as("%s must not %s %s", role.task(), verb, what)
                .isFalse();
            denied++;
          }
        }
      }
      denied += providerOnlyIsDenied(role.task(), user);
    }
    System.out.printf(
        "rider RBAC matrix: %d tasks, %d allowed and %d denied checks%n",
        TaskRoles.all().size(), allowed, denied);
    assertThat(allowed).isPositive();
    assertThat(denied).isGreaterThan(allowed);
  }

  @Test
  void aRevokedTaskIsUnboundAndNoLongerAllowed() {
    TaskRole revoked =
        TaskRoles.of(dev.failover.api.v1alpha1.paasrider.PaasTask.RunBackups).orElseThrow();
    RiderTerms paas = rider(RiderKind.PaasRider);
    AccessReviews user = AccessReviews.ofUser(admin, user(revoked));
    assertThat(user.allows("create", "volumesnapshots.snapshot.storage.k8s.io", TENANT)).isTrue();
    RiderTerms without =
        everyTask(
            RiderKind.PaasRider, TaskRoles.all().stream().filter(r -> !r.equals(revoked)).toList());
    try {
      assertThat(sync(without).applied()).isTrue();
      assertThat(binding(GrantPlan.bindingName("paas", paas.name(), revoked))).isNull();
      assertThat(user.allows("create", "volumesnapshots.snapshot.storage.k8s.io", TENANT))
          .isFalse();
      // The others stay.
      assertThat(
              AccessReviews.ofUser(
                      admin,
                      user(
                          TaskRoles.of(
                                  dev.failover.api.v1alpha1.paasrider.PaasTask.DeployApplications)
                              .orElseThrow()))
                  .allows("create", "deployments.apps", TENANT))
          .isTrue();
    } finally {
      assertThat(sync(paas).applied()).isTrue();
    }
  }

  @Test
  void aTaskRoleChangedByHandIsNotBoundAndSaysWhy() {
    TaskRole records =
        TaskRoles.of(dev.failover.api.v1alpha1.saasrider.SaasTask.UpdateRecords).orElseThrow();
    RiderTerms saas = rider(RiderKind.SaasRider);
    ClusterRole original = admin.rbac().clusterRoles().withName(records.clusterRoleName()).get();
    ClusterRole widened = admin.rbac().clusterRoles().withName(records.clusterRoleName()).get();
    widened
        .getRules()
        .add(
            new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources("secrets")
                .withVerbs("get")
                .build());
    admin.resource(widened).update();
    try {
      RiderBindings.Outcome outcome = sync(saas);
      assertThat(outcome.applied()).isFalse();
      assertThat(outcome.message())
          .contains(records.clusterRoleName())
          .contains("does not hold the rules of UpdateRecords");
      assertThat(binding(GrantPlan.bindingName("saas", saas.name(), records))).isNull();
      assertThat(AccessReviews.ofUser(admin, user(records)).allows("get", "secrets", TENANT))
          .isFalse();
      // The other SaaS tasks are still bound.
      assertThat(outcome.bindings())
          .hasSize(
              TaskRoles.all().stream().filter(r -> r.rider().equals("saas")).toList().size() - 1);
    } finally {
      original.getMetadata().setResourceVersion(null);
      original.getMetadata().setManagedFields(null);
      admin.resource(original).update();
      assertThat(sync(saas).applied()).isTrue();
    }
  }

  @Test
  void theOperatorCanBindTheTaskRolesOnlyNeverAnotherRole() {
    for (String role : List.of("admin", "edit", "cluster-admin")) {
      RoleBinding toAdmin =
          new RoleBindingBuilder()
              .withNewMetadata()
              .withName("rider-rbac-it-" + role)
              .withNamespace(TENANT)
              .endMetadata()
              .withNewRoleRef()
              .withApiGroup(RBAC)
              .withKind("ClusterRole")
              .withName(role)
              .endRoleRef()
              .addNewSubject()
              .withKind("User")
              .withApiGroup(RBAC)
              .withName("mallory")
              .endSubject()
              .build();
      assertThatThrownBy(() -> operator.resource(toAdmin).create())
          .as("bind %s", role)
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  private int providerOnlyIsDenied(String task, AccessReviews user) {
    Map<String, String> clusterWide =
        Map.of(
            "list", "nodes",
            "create", "clusterrolebindings." + RBAC,
            "escalate", "clusterroles." + RBAC,
            "impersonate", "users",
            "delete", "namespaces");
    int checks = 0;
    for (Map.Entry<String, String> check : clusterWide.entrySet()) {
      assertThat(user.allows(check.getKey(), check.getValue()))
          .as("%s: %s %s", task, check.getKey(), check.getValue())
          .isFalse();
      checks++;
    }
    for (String[] check :
        new String[][] {
          {"get", "secrets", TENANT},
          {"list", "secrets", TENANT},
          {"list", "pods", "kube-system"},
          {"get", "configmaps", "kube-system"},
          {"create", "pods/exec", TENANT},
          {"create", "roles." + RBAC, TENANT},
          {"escalate", "roles." + RBAC, TENANT},
          {"create", "serviceaccounts/token", TENANT},
        }) {
      assertThat(user.allows(check[0], check[1], check[2]))
          .as("%s: %s %s in %s", task, check[0], check[1], check[2])
          .isFalse();
      checks++;
    }
    assertThat(user.allows("bind", "clusterroles." + RBAC, TENANT, "admin"))
        .as("%s: bind admin", task)
        .isFalse();
    return checks + 1;
  }

  /** Every resource any task names, plus neighbours no task should reach, kubectl's way. */
  private static Set<String> universe() {
    Set<String> all = new LinkedHashSet<>();
    for (TaskRole role : TaskRoles.all()) {
      for (RbacRule rule : role.rules()) {
        for (String group : rule.apiGroups()) {
          rule.resources().forEach(resource -> all.add(kubectlName(group, resource)));
        }
      }
    }
    all.addAll(
        List.of(
            "secrets",
            "serviceaccounts",
            "pods/exec",
            "daemonsets.apps",
            "jobs.batch",
            "roles." + RBAC,
            "resourcequotas",
            "limitranges"));
    return all;
  }

  private static String kubectlName(String group, String resource) {
    String[] parts = resource.split("/", 2);
    return parts[0]
        + (group.isEmpty() ? "" : "." + group)
        + (parts.length > 1 ? "/" + parts[1] : "");
  }

  private RiderBindings.Outcome sync(RiderTerms rider) {
    GrantPlan plan =
        GrantPlan.of(
            rider.riderLabel(), rider.name(), List.of(TENANT), rider.grants(), OptionalInt.empty());
    return RiderBindings.sync(operator, rider, plan, List.of(TENANT), List.of());
  }

  private RiderTerms rider(RiderKind kind) {
    return riders.stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
  }

  private RoleBinding binding(String name) {
    return admin.rbac().roleBindings().inNamespace(TENANT).withName(name).get();
  }

  /** A rider of the kind with each of its tasks in the list granted to a user of its own. */
  private static RiderTerms everyTask(RiderKind kind, List<TaskRole> roles) {
    String label = kind.name().substring(0, 4).toLowerCase(java.util.Locale.ROOT);
    List<RiderGrant> grants =
        roles.stream()
            .filter(role -> role.rider().equals(label))
            .map(
                role ->
                    new RiderGrant(List.of(new Subject("User", user(role), null)), List.of(role)))
            .toList();
    return new RiderTerms(
        kind,
        TENANT,
        "rider-rbac-it",
        List.of(),
        grants,
        OptionalInt.empty(),
        null,
        dev.failover.core.rider.ApplicationLicense.UNLIMITED,
        dev.failover.core.rider.UserLimits.NONE,
        dev.failover.core.rider.FailoverPlanChecks.Plan.NONE);
  }

  private static String user(TaskRole role) {
    return "rider-it-" + role.clusterRoleName().substring(TaskRole.NAME_PREFIX.length());
  }
}
