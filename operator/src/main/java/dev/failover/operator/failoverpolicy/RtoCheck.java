package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicySpec;
import dev.failover.api.v1alpha1.failoverpolicy.StandbyMode;
import dev.failover.core.DurationText;
import dev.failover.core.pool.PoolRetry;
import dev.failover.core.rto.PromotionBudgets;
import dev.failover.core.rto.RtoAssessment;
import dev.failover.core.rto.RtoFeasibility;
import dev.failover.core.rto.RtoInputs;
import dev.failover.operator.datacenter.ProbeSettingsMapper;
import dev.failover.operator.policyhealth.PolicyDetection;
import dev.failover.operator.probes.ProbeSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a policy's data centers detect a blackout soon enough for its RTO. Detection is judged
 * with the slowest probe settings among the policy's data centers (any of them may be the one that
 * fails), under the policy's own detection settings, and for its workload endpoint too when it has
 * one: whichever notices the blackout, the slower path must fit.
 */
final class RtoCheck {
  /**
   * What promotion costs on top of detection. Hot is already running; Warm scales up existing
   * objects; Cold creates them. Measured on the local testbed with margin (docs/benchmarks.md).
   */
  static final PromotionBudgets PROMOTION =
      new PromotionBudgets(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(30));

  /** Pointing DNS at the new data center and seeing it there. */
  static final Duration SWITCH = Duration.ofSeconds(1);

  private RtoCheck() {}

  /**
   * @param poolRetry the service pool's settings, which govern the endpoint's probes: a probe may
   *     take the first try and every retry
   */
  static Optional<RtoAssessment> assess(
      FailoverPolicySpec spec, Collection<DataCenter> dataCenters, Optional<PoolRetry> poolRetry) {
    if (spec.getObjectives() == null || spec.getObjectives().getRto() == null) {
      return Optional.empty();
    }
    return dataCenters.stream()
        .flatMap(dataCenter -> detectionPaths(spec, dataCenter.getSpec().getProbe(), poolRetry))
        .map(settings -> inputs(spec, settings))
        .map(RtoFeasibility::assess)
        .max(Comparator.comparing(RtoAssessment::worstCase));
  }

  private static Stream<ProbeSettings> detectionPaths(
      FailoverPolicySpec spec, ProbeSpec probe, Optional<PoolRetry> poolRetry) {
    ProbeSettings own = ProbeSettingsMapper.from(probe);
    ProbeSettings apiServer =
        PolicyDetection.forApiServer(own, spec.getDetection())
            .map(
                thresholds ->
                    new ProbeSettings(
                        own.interval(), own.timeout(), thresholds, own.confirmation()))
            .orElse(own);
    boolean endpoint = spec.getWorkload() != null && spec.getWorkload().getHealthEndpoint() != null;
    return endpoint
        ? Stream.of(
            apiServer,
            worstCase(PolicyDetection.forEndpoint(own, spec.getDetection(), poolRetry), poolRetry))
        : Stream.of(apiServer);
  }

  /** With retries, one failed probe of the endpoint lasts up to every try's timeout. */
  private static ProbeSettings worstCase(ProbeSettings endpoint, Optional<PoolRetry> poolRetry) {
    return poolRetry
        .map(
            retry ->
                new ProbeSettings(
                    endpoint.interval(),
                    retry.worstCaseProbe(),
                    endpoint.thresholds(),
                    endpoint.confirmation()))
        .orElse(endpoint);
  }

  private static RtoInputs inputs(FailoverPolicySpec spec, ProbeSettings settings) {
    return new RtoInputs(
        settings.thresholds().failureThreshold(),
        settings.interval(),
        settings.timeout(),
        Optional.ofNullable(spec.getStandby()).orElse(StandbyMode.Hot),
        PROMOTION,
        SWITCH,
        DurationText.parse(spec.getObjectives().getRto()));
  }
}
