package dev.failover.e2e.bench;

import dev.failover.core.health.ProbeOutcome;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many API-server probes of one data center the operator has made, by outcome, as its {@code
 * /metrics} counts them ({@code failover_probe_latency_seconds_count}). Two readings subtracted
 * give the probes of a period.
 */
record ProbeCounts(Map<String, Long> byOutcome) {
  static final String SERIES = "failover_probe_latency_seconds_count";

  private static final Pattern SAMPLE = Pattern.compile("^" + SERIES + "\\{([^}]*)}\\s+(\\S+)");

  ProbeCounts {
    byOutcome = Map.copyOf(byOutcome);
  }

  /** The counts of {@code dataCenter} in a Prometheus text exposition; zero when none. */
  static ProbeCounts of(String metrics, String dataCenter) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (sample.find() && dataCenter.equals(label(sample.group(1), "datacenter"))) {
        String outcome = label(sample.group(1), "outcome");
        long count = Math.round(Double.parseDouble(sample.group(2)));
        counts.merge(outcome == null ? "" : outcome, count, Long::sum);
      }
    }
    return new ProbeCounts(counts);
  }

  /** What was counted since {@code earlier}. */
  ProbeCounts since(ProbeCounts earlier) {
    Map<String, Long> counts = new TreeMap<>(byOutcome);
    earlier.byOutcome.forEach((outcome, count) -> counts.merge(outcome, -count, Long::sum));
    return new ProbeCounts(counts);
  }

  long total() {
    return byOutcome.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Probes that count towards a blackout or a brownout: timed out or refused. */
  long failed() {
    return byOutcome.entrySet().stream()
        .filter(entry -> failed(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  double failedPercent() {
    return total() == 0 ? 0 : failed() * 100.0 / total();
  }

  private static boolean failed(String outcome) {
    for (ProbeOutcome known : ProbeOutcome.values()) {
      if (known.name().equals(outcome)) {
        return known.failed();
      }
    }
    return false;
  }

  private static String label(String labels, String name) {
    Matcher value = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
    return value.find() ? value.group(1) : null;
  }
}
