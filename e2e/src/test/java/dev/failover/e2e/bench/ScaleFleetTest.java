package dev.failover.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.e2e.PolicyDraft;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScaleFleetTest {
  private final ScaleFleet fleet =
      new ScaleFleet(300, 5, List.of("toronto", "chicago", "washington", "dallas", "seattle"));

  @Test
  void aboutAThirdRunsInTheDataCenterThatIsCut() {
    long inToronto = fleet.drafts().stream().filter(d -> "toronto".equals(primary(d))).count();

    assertThat(inToronto).isEqualTo(100);
    assertThat(fleet.cutDataCenter()).isEqualTo("toronto");
  }

  @Test
  void theRestAndTheSecondariesSpreadOverEveryOtherDataCenter() {
    Map<String, Long> primaries =
        fleet.drafts().stream()
            .collect(Collectors.groupingBy(ScaleFleetTest::primary, Collectors.counting()));
    Map<String, Long> firstSecondaries =
        fleet.drafts().stream()
            .filter(d -> "toronto".equals(primary(d)))
            .collect(
                Collectors.groupingBy(
                    d -> d.build().getSpec().getPlacement().getSecondaries().get(0),
                    Collectors.counting()));

    assertThat(primaries).containsOnlyKeys("toronto", "chicago", "washington", "dallas", "seattle");
    assertThat(primaries.values()).allSatisfy(count -> assertThat(count).isGreaterThan(40));
    assertThat(firstSecondaries).containsOnlyKeys("chicago", "washington", "dallas", "seattle");
  }

  @Test
  void everyPolicyHasTwoOtherSecondariesAndFiveToTenObjects() {
    for (PolicyDraft draft : fleet.drafts()) {
      FailoverPolicy policy = draft.build();
      List<String> secondaries = policy.getSpec().getPlacement().getSecondaries();
      assertThat(secondaries).hasSize(2).doesNotContain(primary(draft)).doesNotHaveDuplicates();
      assertThat(policy.getSpec().getWorkload().getManifests())
          .hasSizeBetween(5, 10)
          .hasSize(ScaleFleet.objectsPerWorkload(Integer.parseInt(draft.name().substring(1))));
    }
  }

  @Test
  void standbysTakeTurnsAmongTheCutOnes() {
    Map<StandbyMode, Long> standbys =
        fleet.drafts().stream()
            .filter(d -> "toronto".equals(primary(d)))
            .collect(Collectors.groupingBy(PolicyDraft::standbyMode, Collectors.counting()));

    assertThat(standbys).containsOnlyKeys(StandbyMode.Hot, StandbyMode.Warm, StandbyMode.Cold);
    assertThat(standbys.values()).allSatisfy(count -> assertThat(count).isBetween(33L, 34L));
  }

  @Test
  void namesAreUniqueAndSpreadOverTheNamespaces() {
    Map<String, PolicyDraft> byKey =
        fleet.drafts().stream()
            .collect(Collectors.toMap(d -> d.namespace() + "/" + d.name(), Function.identity()));

    assertThat(byKey).hasSize(300);
    assertThat(fleet.drafts().stream().map(PolicyDraft::namespace).distinct())
        .hasSize(5)
        .containsExactlyInAnyOrderElementsOf(fleet.namespaceNames());
  }

  @Test
  void fewerThanThreeDataCentersAreRefused() {
    assertThatThrownBy(() -> new ScaleFleet(10, 1, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String primary(PolicyDraft draft) {
    return draft.build().getSpec().getPlacement().getPrimary();
  }
}
