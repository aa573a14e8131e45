package dev.failover.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.iaasrider.IaasGrant;
import dev.failover.api.v1alpha1.iaasrider.IaasTask;
import dev.failover.api.v1alpha1.paasrider.PaasGrant;
import dev.failover.api.v1alpha1.paasrider.PaasTask;
import dev.failover.api.v1alpha1.saasrider.SaasGrant;
import dev.failover.api.v1alpha1.saasrider.SaasTask;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provider-only tasks must never be grantable. The task enums flag them, and each rider's grant
 * carries a CEL rule that rejects them; these tests keep the flags, the rule and the IBM article's
 * lists in agreement.
 */
class ProviderOnlyTasksTest {
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

  static Stream<Arguments> riders() {
    return Stream.of(
        Arguments.of(
            SaasGrant.class,
            SaasTask.values(),
            (Predicate<Enum<?>>) t -> ((SaasTask) t).isProviderOnly(),
            Set.of(
                "BuyUpgradeLicenses",
                "ManagePatches",
                "AccessSystemApplicationsAndVMs",
                "AccessInfrastructure")),
        Arguments.of(
            PaasGrant.class,
            PaasTask.values(),
            (Predicate<Enum<?>>) t -> ((PaasTask) t).isProviderOnly(),
            Set.of("RunSystemApplications", "RunVirtualMachines", "AccessInfrastructure")),
        Arguments.of(
            IaasGrant.class,
            IaasTask.values(),
            (Predicate<Enum<?>>) t -> ((IaasTask) t).isProviderOnly(),
            Set.of("AccessInfrastructure")));
  }

  @ParameterizedTest
  @MethodSource("riders")
  void providerOnlyFlagsMatchTheArticle(
      Class<?> grant, Enum<?>[] tasks, Predicate<Enum<?>> providerOnly, Set<String> article) {
    assertThat(namesWhere(tasks, providerOnly)).isEqualTo(article);
  }

  @ParameterizedTest
  @MethodSource("riders")
  void grantRuleRejectsExactlyTheProviderOnlyTasks(
      Class<?> grant, Enum<?>[] tasks, Predicate<Enum<?>> providerOnly, Set<String> article) {
    ValidationRule rule = taskRule(grant);
    Set<String> rejected = quotedNames(rule.value());
    assertThat(rejected).isEqualTo(namesWhere(tasks, providerOnly));
    assertThat(rejected).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("riders")
  void grantRuleMessageSaysProviderOnlyAndNamesEachTask(
      Class<?> grant, Enum<?>[] tasks, Predicate<Enum<?>> providerOnly, Set<String> article) {
    String message = taskRule(grant).message();
    assertThat(message).contains("provider-only");
    assertThat(namesWhere(tasks, providerOnly))
        .allSatisfy(task -> assertThat(message).contains(task));
  }

  @ParameterizedTest
  @MethodSource("riders")
  void everyRiderHasGrantableTasks(
      Class<?> grant, Enum<?>[] tasks, Predicate<Enum<?>> providerOnly, Set<String> article) {
    assertThat(namesWhere(tasks, providerOnly.negate()))
        .isNotEmpty()
        .doesNotContainAnyElementsOf(article);
  }

  private static ValidationRule taskRule(Class<?> grant) {
    ValidationRule[] rules = grant.getAnnotationsByType(ValidationRule.class);
    assertThat(rules).as("CEL rules on %s", grant.getSimpleName()).hasSize(1);
    assertThat(rules[0].fieldPath()).isEqualTo(".tasks");
    return rules[0];
  }

  private static Set<String> namesWhere(Enum<?>[] tasks, Predicate<Enum<?>> predicate) {
    return Arrays.stream(tasks).filter(predicate).map(Enum::name).collect(Collectors.toSet());
  }

  private static Set<String> quotedNames(String cel) {
    Matcher matcher = QUOTED.matcher(cel);
    Set<String> names = new HashSet<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
