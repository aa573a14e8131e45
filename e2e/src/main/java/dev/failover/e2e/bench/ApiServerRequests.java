package dev.failover.e2e.bench;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Request counters of one API server, read from its {@code /metrics}: every request it served,
 * those of ServiceAccounts outside kube-system (API Priority and Fairness' {@code service-accounts}
 * flow schema: in the testbed, that is the operator alone, since the harness is an admin and the
 * control plane's own components have schemas of their own), and the 429s it answered.
 */
record ApiServerRequests(long all, long serviceAccounts, long throttled) {
  static ApiServerRequests read(KubernetesClient admin) {
    String base = admin.getConfiguration().getMasterUrl();
    return parse(admin.raw(base.endsWith("/") ? base + "metrics" : base + "/metrics"));
  }

  static ApiServerRequests parse(String metrics) {
    long all = 0;
    long serviceAccounts = 0;
    long throttled = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("apiserver_request_total{")) {
        all += value(line);
        if (line.contains("code=\"429\"")) {
          throttled += value(line);
        }
      } else if (line.startsWith("apiserver_flowcontrol_dispatched_requests_total{")
          && line.contains("flow_schema=\"service-accounts\"")) {
        serviceAccounts += value(line);
      }
    }
    return new ApiServerRequests(all, serviceAccounts, throttled);
  }

  ApiServerRequests since(ApiServerRequests earlier) {
    return new ApiServerRequests(
        all - earlier.all,
        serviceAccounts - earlier.serviceAccounts,
        throttled - earlier.throttled);
  }

  private static long value(String line) {
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
  }
}
