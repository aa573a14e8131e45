package dev.failover.e2e.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request counters of one API server, read from its {@code /metrics}: every request it served,
 * those of ServiceAccounts outside kube-system (API Priority and Fairness' {@code service-accounts}
 * flow schema: in the testbed, that is the operator alone, since the harness is an admin and the
 * control plane's own components have schemas of their own), and the 429s it answered.
 */
record ApiServerRequests(long all, long serviceAccounts, long throttled, Map<String, Long> byCall) {
  ApiServerRequests(long all, long serviceAccounts, long throttled) {
    this(all, serviceAccounts, throttled, Map.of());
  }

  static ApiServerRequests read(KubernetesClient admin) {
    String base = admin.getConfiguration().getMasterUrl();
    return parse(admin.raw(base.endsWith("/") ? base + "metrics" : base + "/metrics"));
  }

  static ApiServerRequests parse(String metrics) {
    long all = 0;
    long serviceAccounts = 0;
    long throttled = 0;
    Map<String, Long> byCall = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("apiserver_request_total{")) {
        all += value(line);
        byCall.merge(call(line), value(line), Long::sum);
        if (line.contains("code=\"429\"")) {
          throttled += value(line);
        }
      } else if (line.startsWith("apiserver_flowcontrol_dispatched_requests_total{")
          && line.contains("flow_schema=\"service-accounts\"")) {
        serviceAccounts += value(line);
      }
    }
    return new ApiServerRequests(all, serviceAccounts, throttled, byCall);
  }

  ApiServerRequests since(ApiServerRequests earlier) {
    Map<String, Long> calls = new TreeMap<>();
    byCall.forEach((call, count) -> calls.put(call, count - earlier.byCall.getOrDefault(call, 0L)));
    return new ApiServerRequests(
        all - earlier.all,
        serviceAccounts - earlier.serviceAccounts,
        throttled - earlier.throttled,
        calls);
  }

  /** The calls made most often, e.g. {@code GET dnsendpoints 404: 120}, most first. */
  List<String> busiest(int count) {
    return byCall.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(count)
        .map(entry -> entry.getKey() + ": " + entry.getValue())
        .toList();
  }

  /** Verb, resource (with its subresource) and status code of a request counter. */
  private static String call(String line) {
    String resource = label(line, "resource");
    String subresource = label(line, "subresource");
    return label(line, "verb")
        + " "
        + (subresource.isEmpty() ? resource : resource + "/" + subresource)
        + " "
        + label(line, "code");
  }

  private static String label(String line, String name) {
    String key = name + "=\"";
    int start = line.indexOf(key);
    if (start < 0) {
      return "";
    }
    start += key.length();
    return line.substring(start, line.indexOf('"', start));
  }

  private static long value(String line) {
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
  }
}
