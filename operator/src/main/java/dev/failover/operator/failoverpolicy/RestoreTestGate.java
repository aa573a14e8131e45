package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTest;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestSpec;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosRestoreTestStatus;
import dev.failover.api.v1alpha1.chaosrestoretest.ChaosTrigger;
import dev.failover.api.v1alpha1.common.ConditionTypes;
import dev.failover.api.v1alpha1.common.LocalObjectRef;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicyStatus;
import dev.failover.api.v1alpha1.failoverpolicy.RestoreGate;
import dev.failover.core.failover.FailoverAction;
import dev.failover.core.failover.PolicySituation;
import dev.failover.core.restoregate.Gate;
import dev.failover.core.restoregate.GateReview;
import dev.failover.core.restoregate.GateStep;
import dev.failover.core.restoregate.RestoreGates;
import dev.failover.core.restoregate.TestRun;
import dev.failover.operator.status.ConditionEvents;
import dev.failover.operator.status.StatusConditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy side of the restore-test gate ({@code failback.requireRestoreTest}): watches the
 * ChaosRestoreTests that name a policy, lets {@link RestoreGates} decide, and carries out its steps
 * (create a Restoration test by server-side apply, delete a moot one, tell once). The gates live in
 * {@code status.restoreGates}, so a restarted operator keeps them. Running the tests is the
 * ChaosRestoreTest reconciler's job, not this one's.
 */
public final class RestoreTestGate {
  private static final Logger log = LoggerFactory.getLogger(RestoreTestGate.class);

  /** On a Restoration test: the restoration it was created for (RFC 3339). */
  public static final String RESTORED_AT_ANNOTATION = "failover.dev/restored-at";

  private final KubernetesClient hub;
  private final ConditionEvents events;
  private final Clock clock;
  private InformerEventSource<ChaosRestoreTest, FailoverPolicy> tests;

  public RestoreTestGate(KubernetesClient hub, ConditionEvents events, Clock clock) {
    this.hub = hub;
    this.events = events;
    this.clock = clock;
  }

  /** A test's status change wakes the policy it names, in its own namespace only. */
  InformerEventSource<ChaosRestoreTest, FailoverPolicy> eventSource(
      EventSourceContext<FailoverPolicy> context) {
    tests =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ChaosRestoreTest.class, FailoverPolicy.class)
                .withName("restore-tests")
                .withSecondaryToPrimaryMapper(
                    test ->
                        policyOf(test)
                            .map(name -> Set.of(new ResourceID(name, namespaceOf(test))))
                            .orElse(Set.of()))
                .build(),
            context);
    return tests;
  }

  /** The gates after one look, before the failover core decides. */
  GateReview review(FailoverPolicy policy, FailoverPolicyStatus status, PolicySituation situation) {
    return RestoreGates.review(
        policy.getMetadata().getName(), required(policy), gates(status), situation, runs(policy));
  }

  /**
   * Persists the reviewed gates, with one opened for each blackout failover the decision recorded,
   * and the RestoreTestPassed condition (only on policies that require tests, or had the
   * condition).
   */
  void note(
      FailoverPolicy policy,
      FailoverPolicyStatus status,
      FailoverPolicyStatus stored,
      GateReview review,
      List<FailoverAction> decided) {
    List<Gate> gates = RestoreGates.opened(required(policy), review.gates(), decided);
    List<RestoreGate> persisted = new ArrayList<>();
    gates.forEach(gate -> persisted.add(toStatus(gate)));
    status.setRestoreGates(persisted);
    boolean hadCondition =
        stored != null && stored.condition(ConditionTypes.RESTORE_TEST_PASSED).isPresent();
    if (!required(policy) && !hadCondition) {
      return;
    }
    GateReview shown = new GateReview(gates, List.of());
    StatusConditions.set(
        status,
        stored,
        ConditionTypes.RESTORE_TEST_PASSED,
        shown.passed(),
        required(policy) ? shown.reason() : "NotRequired",
        required(policy)
            ? shown.message()
            : "failback.requireRestoreTest is off: no data center waits for a restore test",
        clock.instant());
  }

  /** Carries out the review's steps; a failure is logged and retried at the next look. */
  void act(FailoverPolicy policy, GateReview review) {
    for (GateStep step : review.steps()) {
      try {
        if (step instanceof GateStep.EnsureTest ensure) {
          ServerSideApply.apply(hub, restorationTest(policy, ensure));
        } else if (step instanceof GateStep.DeleteTest delete) {
          hub.resources(ChaosRestoreTest.class)
              .inNamespace(policy.getMetadata().getNamespace())
              .withName(delete.name())
              .delete();
        } else if (step instanceof GateStep.Tell tell) {
          if (tell.warning()) {
            events.warningOnce(policy, tell.reason(), tell.occurrence(), tell.message());
          } else {
            events.normalOnce(policy, tell.reason(), tell.occurrence(), tell.message());
          }
        }
      } catch (KubernetesClientException e) {
        log.warn(
            "{}/{}: restore-test gate step {} failed ({}); retried at the next look",
            policy.getMetadata().getNamespace(),
            policy.getMetadata().getName(),
            step.getClass().getSimpleName(),
            ActionErrors.condense(e));
      }
    }
  }

  static boolean required(FailoverPolicy policy) {
    var failback = policy.getSpec().getFailback();
    return failback != null && Boolean.TRUE.equals(failback.getRequireRestoreTest());
  }

  private List<TestRun> runs(FailoverPolicy policy) {
    if (tests == null) {
      return List.of();
    }
    String name = policy.getMetadata().getName();
    return tests
        .list(
            policy.getMetadata().getNamespace(),
            test -> policyOf(test).filter(name::equals).isPresent())
        .filter(test -> test.getSpec() != null && test.getSpec().getDataCenter() != null)
        .map(RestoreTestGate::run)
        .toList();
  }

  private static TestRun run(ChaosRestoreTest test) {
    ChaosRestoreTestStatus status =
        Optional.ofNullable(test.getStatus()).orElseGet(ChaosRestoreTestStatus::new);
    return new TestRun(
        test.getMetadata().getName(),
        test.getSpec().getDataCenter(),
        status.getPhase(),
        Boolean.TRUE.equals(status.getPromoted()),
        instant(status.getCompletedAt()),
        status.getMessage());
  }

  private static ChaosRestoreTest restorationTest(
      FailoverPolicy policy, GateStep.EnsureTest ensure) {
    ChaosRestoreTest test = new ChaosRestoreTest();
    Map<String, String> annotations = new HashMap<>();
    annotations.put(RESTORED_AT_ANNOTATION, ensure.restoredAt().toString());
    test.setMetadata(
        new ObjectMetaBuilder()
            .withName(ensure.name())
            .withNamespace(policy.getMetadata().getNamespace())
            .withLabels(PolicyLabels.of(policy))
            .withAnnotations(annotations)
            // No blockOwnerDeletion: setting it needs update rights on failoverpolicies/finalizers.
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(policy.getApiVersion())
                    .withKind(policy.getKind())
                    .withName(policy.getMetadata().getName())
                    .withUid(policy.getMetadata().getUid())
                    .withController(true)
                    .build())
            .build());
    ChaosRestoreTestSpec spec = new ChaosRestoreTestSpec();
    spec.setDataCenter(ensure.dataCenter());
    spec.setPolicyRef(new LocalObjectRef(policy.getMetadata().getName()));
    spec.setTrigger(ChaosTrigger.Restoration);
    test.setSpec(spec);
    return test;
  }

  private static List<Gate> gates(FailoverPolicyStatus status) {
    if (status == null || status.getRestoreGates() == null) {
      return List.of();
    }
    List<Gate> gates = new ArrayList<>();
    for (RestoreGate gate : status.getRestoreGates()) {
      if (gate.getDataCenter() == null || gate.getState() == null) {
        continue; // a hand-edited entry the gate cannot read; the next blackout opens a new one
      }
      Instant blackoutAt = instant(gate.getBlackoutAt());
      gates.add(
          new Gate(
              gate.getDataCenter(),
              gate.getState(),
              blackoutAt == null ? Instant.EPOCH : blackoutAt,
              instant(gate.getRestoredAt()),
              gate.getTest(),
              Optional.ofNullable(gate.getMessage()).orElse("")));
    }
    return gates;
  }

  private static RestoreGate toStatus(Gate gate) {
    RestoreGate entry = new RestoreGate();
    entry.setDataCenter(gate.dataCenter());
    entry.setState(gate.state());
    entry.setBlackoutAt(gate.blackoutAt().toString());
    entry.setRestoredAt(gate.restoredAt() == null ? null : gate.restoredAt().toString());
    entry.setTest(gate.test());
    entry.setMessage(gate.message());
    return entry;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Optional<String> policyOf(ChaosRestoreTest test) {
    return Optional.ofNullable(test.getSpec())
        .map(ChaosRestoreTestSpec::getPolicyRef)
        .map(LocalObjectRef::getName);
  }

  private static String namespaceOf(ChaosRestoreTest test) {
    return test.getMetadata().getNamespace();
  }
}
