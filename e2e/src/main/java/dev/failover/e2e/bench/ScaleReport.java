package dev.failover.e2e.bench;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverRecord;
import dev.failover.e2e.PolicyDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The scale benchmark's figures as Markdown, ready for docs/benchmarks.md. */
final class ScaleReport {
  private ScaleReport() {}

  static String of(
      ScaleFleet fleet,
      Map<String, PolicyDraft> drafts,
      Duration placement,
      ScaleBenchmark.Measure.Result atRest,
      List<String> affected,
      Map<String, FailoverRecord> movedAway,
      Instant cutAt,
      ScaleBenchmark.Measure.Result storm,
      Map<String, FailoverRecord> back,
      Instant restoredAt,
      ScaleBenchmark.Measure.Result failback,
      ProcessUsage end) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d policies in %d namespaces over %d data centers; %d active in %s, which is cut."
                + " Placing all of them took %s.%n%n",
            fleet.policies(),
            fleet.namespaces(),
            fleet.dataCenters().size(),
            affected.size(),
            fleet.cutDataCenter(),
            seconds(placement.toMillis())));
    out.append("| phase | policies | p50 | p95 | p99 | max (the last one) |\n");
    out.append("|---|---|---|---|---|---|\n");
    row(out, "cut → active elsewhere (DNSEndpoint read back)", times(affected, movedAway, cutAt));
    for (String standby : List.of("Hot", "Warm", "Cold")) {
      List<String> mine =
          affected.stream()
              .filter(key -> drafts.get(key).standbyMode().name().equals(standby))
              .toList();
      if (!mine.isEmpty()) {
        row(out, "  of them " + standby, times(mine, movedAway, cutAt));
      }
    }
    row(out, "return → failed back", times(affected, back, restoredAt));
    out.append(
        String.format(
            Locale.ROOT,
            "%nFailbacks in flight at once (from each failback's decision to its completion): at"
                + " most %d.%n",
            maxOverlap(affected, back)));
    out.append("\nWhere they went:\n");
    affected.stream()
        .collect(
            Collectors.groupingBy(
                key -> movedAway.get(key).getTo(), TreeMap::new, Collectors.counting()))
        .forEach(
            (to, count) -> out.append("- ").append(to).append(": ").append(count).append('\n'));
    out.append(
        "\n| window | length | operator CPU (share of one core) | RSS at the end | hub requests/s (429s) | data-center requests/s (429s) |\n");
    out.append("|---|---|---|---|---|---|\n");
    usage(out, "at rest, all settled", atRest);
    usage(out, "failover storm", storm);
    usage(out, "failback", failback);
    out.append(
        String.format(
            Locale.ROOT,
            "%nOperator peak RSS over the whole run: %d MiB.%n",
            end.peakRssKib() / 1024));
    out.append("\nBusiest calls per window (all clients, the harness's polling included):\n");
    calls(out, "at rest", atRest);
    calls(out, "failover storm", storm);
    calls(out, "failback", failback);
    return out.toString();
  }

  private static List<Long> times(
      List<String> keys, Map<String, FailoverRecord> records, Instant from) {
    List<Long> times = new ArrayList<>();
    for (String key : keys) {
      FailoverRecord record = records.get(key);
      times.add(Duration.between(from, Instant.parse(record.getCompletedAt())).toMillis());
    }
    return times;
  }

  /** The most failbacks whose [decision, completion] intervals overlap at one instant. */
  static int maxOverlap(List<String> keys, Map<String, FailoverRecord> records) {
    List<long[]> edges = new ArrayList<>();
    for (String key : keys) {
      FailoverRecord record = records.get(key);
      edges.add(new long[] {Instant.parse(record.getDetectedAt()).toEpochMilli(), 1});
      edges.add(new long[] {Instant.parse(record.getCompletedAt()).toEpochMilli(), -1});
    }
    // Ends before starts at the same millisecond: back-to-back moves do not overlap.
    edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    int current = 0;
    int most = 0;
    for (long[] edge : edges) {
      current += (int) edge[1];
      most = Math.max(most, current);
    }
    return most;
  }

  private static void row(StringBuilder out, String phase, List<Long> times) {
    Percentiles p = Percentiles.of(times);
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %s | %s | %s |%n",
            phase,
            p.count(),
            seconds(p.p50()),
            seconds(p.p95()),
            seconds(p.p99()),
            seconds(p.max())));
  }

  private static void usage(StringBuilder out, String window, ScaleBenchmark.Measure.Result r) {
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %.0f s | %.1f %% | %d MiB | %.1f (%d) | %.1f (%d) |%n",
            window,
            r.seconds(),
            r.cpuPercentOfCore(),
            r.usage().rssKib() / 1024,
            r.hubRequestsPerSecond(),
            r.hubThrottled(),
            r.memberRequestsPerSecond(),
            r.memberThrottled()));
  }

  private static void calls(StringBuilder out, String window, ScaleBenchmark.Measure.Result r) {
    out.append("- ").append(window).append(", hub: ").append(String.join("; ", r.hubCalls()));
    out.append("\n- ").append(window).append(", data centers: ");
    out.append(String.join("; ", r.memberCalls())).append('\n');
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }
}
