package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.core.rider.TaskRole;
import dev.failover.core.rider.TaskRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaskRoleTemplateTest {
  private static final Path ROOT =
      Path.of(System.getProperty("repository.root", System.getProperty("user.dir") + "/.."));

  @Test
  void theCommittedMemberChartTemplateIsTheMapping() throws IOException {
    String committed = Files.readString(ROOT.resolve(TaskRoleTemplate.CHART_PATH));
    assertThat(committed)
        .as(
            "the member chart's task roles drifted from TaskRoles; run mvn -B -Pupdate-crds -pl"
                + " operator process-classes")
        .isEqualTo(TaskRoleTemplate.render());
  }

  @Test
  void theDocsPublishTheMappingAsItIs() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/riders.md"));
    assertThat(docs)
        .as("docs/riders.md must hold TaskRoleTemplate.markdownTable() exactly")
        .contains(TaskRoleTemplate.markdownTable());
  }

  @Test
  void everyRoleIsInTheTemplateAndTheOperatorMayBindExactlyThose() {
    String rendered = TaskRoleTemplate.render();
    for (TaskRole role : TaskRoles.all()) {
      assertThat(rendered).contains("  name: " + role.clusterRoleName() + "\n");
    }
    assertThat(rendered).contains("verbs: [\"get\", \"bind\"]").doesNotContain("escalate");
  }
}
