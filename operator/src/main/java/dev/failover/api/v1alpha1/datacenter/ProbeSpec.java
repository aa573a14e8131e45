package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How a data center's API server is probed, and when the results mean blackout or brownout. The
 * success threshold gives hysteresis, so a flapping data center does not cause a failover storm.
 */
@ValidationRule(
    value =
        "!has(self.timeout) || !has(self.interval) || !self.timeout.matches("
            + ValuePatterns.DURATION_CEL
            + ") || !self.interval.matches("
            + ValuePatterns.DURATION_CEL
            + ") || duration(self.timeout) <= duration(self.interval)",
    fieldPath = ".timeout",
    message = "timeout must not be longer than interval")
@ValidationRule(
    value =
        "!has(self.brownoutWindow) || !has(self.interval) || !self.brownoutWindow.matches("
            + ValuePatterns.DURATION_CEL
            + ") || !self.interval.matches("
            + ValuePatterns.DURATION_CEL
            + ") || duration(self.brownoutWindow) >= duration(self.interval)",
    fieldPath = ".brownoutWindow",
    message = "brownoutWindow must be at least one probe interval")
@ValidationRule(
    value =
        "!has(self.confirmInterval) || !has(self.interval) || !self.confirmInterval.matches("
            + ValuePatterns.DURATION_CEL
            + ") || !self.interval.matches("
            + ValuePatterns.DURATION_CEL
            + ") || duration(self.confirmInterval) < duration(self.interval)",
    fieldPath = ".confirmInterval",
    message = "confirmInterval must be shorter than interval (0s turns quick confirmation off)")
public class ProbeSpec {
  @Default("2s")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("Time between probes, as a duration such as 2s.")
  private String interval;

  // No schema default: a default would have to be shorter than every interval a user may set.
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Quick confirmation: after a refused or timed-out probe of a serving data center, probe"
          + " again this much later instead of a whole interval, until the failureThreshold is"
          + " reached or a probe succeeds; a timeout only when timeout plus this is shorter than"
          + " interval. 200ms when unset (none when interval is 200ms or"
          + " less); 0s turns it off. When set, shorter than interval.")
  private String confirmInterval;

  @Default("1s")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription("A probe that takes longer fails. At most interval.")
  private String timeout;

  @Default("3")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Blackout: this many consecutive failed probes make the data center Unreachable.")
  private Integer failureThreshold;

  @Default("3")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Hysteresis: this many consecutive good probes are needed before an Unreachable or Degraded"
          + " data center counts as healthy again.")
  private Integer successThreshold;

  @Default("500")
  @Min(1)
  @Max(600000)
  @JsonPropertyDescription(
      "Brownout: median (p50) probe latency above this many milliseconds over brownoutWindow makes the"
          + " data center Degraded.")
  private Integer brownoutLatencyThresholdMs;

  @Default("5")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Brownout: a probe error rate above this percentage over brownoutWindow makes the data"
          + " center Degraded, once more failures are seen than chance explains at this rate (under"
          + " 1% likely: 4 of the 15 probes of the default window).")
  private Double brownoutErrorRatePercent;

  @Default("30s")
  @ValidationRule(
      value = ValuePatterns.POSITIVE_DURATION_RULE,
      message = ValuePatterns.POSITIVE_DURATION_MESSAGE)
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "Brownout: how long latency or error rate must stay above threshold, as a duration.")
  private String brownoutWindow;

  @Default("30s")
  @Pattern(ValuePatterns.DURATION)
  @Size(max = ValuePatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "After a blackout, how long a data center that answers again must stay up (Probation)"
          + " before it is Healthy and may take workloads again, as a duration.")
  private String probation;

  public String getProbation() {
    return probation;
  }

  public void setProbation(String probation) {
    this.probation = probation;
  }

  public String getConfirmInterval() {
    return confirmInterval;
  }

  public void setConfirmInterval(String confirmInterval) {
    this.confirmInterval = confirmInterval;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  public Integer getSuccessThreshold() {
    return successThreshold;
  }

  public void setSuccessThreshold(Integer successThreshold) {
    this.successThreshold = successThreshold;
  }

  public Integer getBrownoutLatencyThresholdMs() {
    return brownoutLatencyThresholdMs;
  }

  public void setBrownoutLatencyThresholdMs(Integer brownoutLatencyThresholdMs) {
    this.brownoutLatencyThresholdMs = brownoutLatencyThresholdMs;
  }

  public Double getBrownoutErrorRatePercent() {
    return brownoutErrorRatePercent;
  }

  public void setBrownoutErrorRatePercent(Double brownoutErrorRatePercent) {
    this.brownoutErrorRatePercent = brownoutErrorRatePercent;
  }

  public String getBrownoutWindow() {
    return brownoutWindow;
  }

  public void setBrownoutWindow(String brownoutWindow) {
    this.brownoutWindow = brownoutWindow;
  }
}
