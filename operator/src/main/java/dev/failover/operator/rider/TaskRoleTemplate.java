package dev.failover.operator.rider;

import dev.failover.core.rider.RbacRule;
import dev.failover.core.rider.TaskRole;
import dev.failover.core.rider.TaskRoles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the member chart's {@code templates/rider-task-roles.yaml} from {@link TaskRoles}: one
 * ClusterRole per grantable task, and the operator's right to bind those roles and no other. The
 * file is generated and committed; a unit test fails when it drifts from the mapping ({@code mvn
 * -Pupdate-crds process-classes} rewrites it).
 */
public final class TaskRoleTemplate {
  public static final String CHART_PATH =
      "helm/failover-operator/member-rbac/templates/rider-task-roles.yaml";

  private TaskRoleTemplate() {}

  /** Writes the template under the repository root given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]).resolve(CHART_PATH);
    Files.writeString(file, render(), StandardCharsets.UTF_8);
  }

  public static String render() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Generated from dev.failover.core.rider.TaskRoles: do not edit by hand.\n")
        .append("# mvn -B -Pupdate-crds -pl operator process-classes rewrites it.\n")
        .append("#\n")
        .append(
            "# One ClusterRole per task a rider may grant (docs/riders.md). The operator binds them\n")
        .append(
            "# to the riders' subjects with RoleBindings in the riders' namespaces, and can bind\n")
        .append("# nothing else: it never writes a role, so no rider grants more than this.\n");
    List<TaskRole> roles = TaskRoles.all();
    for (TaskRole role : roles) {
      yaml.append("---\n")
          .append("apiVersion: rbac.authorization.k8s.io/v1\n")
          .append("kind: ClusterRole\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(role.clusterRoleName())
          .append('\n')
          .append("  labels:\n")
          .append("    {{- include \"member-rbac.labels\" . | nindent 4 }}\n")
          .append("    failover.dev/rider-task: \"true\"\n")
          .append("  annotations:\n")
          .append("    failover.dev/task: ")
          .append(role.rider())
          .append('/')
          .append(role.task())
          .append('\n')
          .append("    failover.dev/purpose: ")
          .append(quote(role.purpose()))
          .append('\n')
          .append("rules:\n");
      for (RbacRule rule : role.rules()) {
        yaml.append("  - apiGroups: ")
            .append(list(rule.apiGroups()))
            .append('\n')
            .append("    resources: ")
            .append(list(rule.resources()))
            .append('\n');
        if (!rule.resourceNames().isEmpty()) {
          yaml.append("    resourceNames: ").append(list(rule.resourceNames())).append('\n');
        }
        yaml.append("    verbs: ").append(list(rule.verbs())).append('\n');
      }
    }
    String names = list(roles.stream().map(TaskRole::clusterRoleName).toList());
    yaml.append("---\n")
        .append(
            "# The operator may read these roles (to check them) and bind them, and no other.\n")
        .append("apiVersion: rbac.authorization.k8s.io/v1\n")
        .append("kind: ClusterRole\n")
        .append("metadata:\n")
        .append("  name: {{ include \"member-rbac.name\" . }}-rider-binder\n")
        .append("  labels:\n")
        .append("    {{- include \"member-rbac.labels\" . | nindent 4 }}\n")
        .append("rules:\n")
        .append("  - apiGroups: [\"rbac.authorization.k8s.io\"]\n")
        .append("    resources: [\"clusterroles\"]\n")
        .append("    resourceNames: ")
        .append(names)
        .append('\n')
        .append("    verbs: [\"get\", \"bind\"]\n")
        .append("---\n")
        .append("apiVersion: rbac.authorization.k8s.io/v1\n")
        .append("kind: ClusterRoleBinding\n")
        .append("metadata:\n")
        .append("  name: {{ include \"member-rbac.name\" . }}-rider-binder\n")
        .append("  labels:\n")
        .append("    {{- include \"member-rbac.labels\" . | nindent 4 }}\n")
        .append("roleRef:\n")
        .append("  apiGroup: rbac.authorization.k8s.io\n")
        .append("  kind: ClusterRole\n")
        .append("  name: {{ include \"member-rbac.name\" . }}-rider-binder\n")
        .append("subjects:\n")
        .append("  {{- include \"member-rbac.subjects\" . | trim | nindent 2 }}\n");
    return yaml.toString();
  }

  /** The task-to-RBAC table of {@code docs/riders.md}, which a unit test keeps in step. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder();
    table
        .append(
            "| rider | task | what it lets the subject do | RBAC (in the rider's namespaces) |\n")
        .append("|---|---|---|---|\n");
    for (TaskRole role : TaskRoles.all()) {
      table
          .append("| ")
          .append(role.rider())
          .append(" | `")
          .append(role.task())
          .append("` | ")
          .append(role.purpose())
          .append(" | ")
          .append(
              role.rules().stream()
                  .map(TaskRoleTemplate::describe)
                  .collect(Collectors.joining("<br>")))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String describe(RbacRule rule) {
    String groups =
        rule.apiGroups().stream()
            .map(g -> g.isEmpty() ? "core" : g)
            .collect(Collectors.joining(", "));
    return String.join(", ", rule.verbs())
        + " `"
        + String.join("`, `", rule.resources())
        + "` ("
        + groups
        + ")"
        + (rule.resourceNames().isEmpty()
            ? ""
            : " named " + rule.resourceNames().size() + " PaaS task roles only");
  }

  private static String list(List<String> values) {
    return values.stream().map(TaskRoleTemplate::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
