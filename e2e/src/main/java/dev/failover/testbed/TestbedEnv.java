package dev.failover.testbed;

import java.util.Locale;
import java.util.stream.Collectors;

/** The shell-readable and the human-readable description of a running testbed. */
final class TestbedEnv {
  private TestbedEnv() {}

  /** {@code KEY='value'} lines a shell can source. */
  static String render(Testbed testbed) {
    StringBuilder env = new StringBuilder();
    line(env, "TESTBED_WORK", testbed.workDir().toString());
    line(env, "TESTBED_TOXIPROXY", "127.0.0.1:" + testbed.toxiproxyPort());
    line(
        env,
        "TESTBED_DATACENTERS",
        testbed.dataCenters().stream()
            .map(DataCenterCluster::name)
            .collect(Collectors.joining(" ")));
    for (DataCenterCluster dc : testbed.dataCenters()) {
      String prefix = "TESTBED_" + variableName(dc.name()) + "_";
      line(env, prefix + "KUBECONFIG", dc.kubeconfig().toString());
      line(env, prefix + "PROXIED_KUBECONFIG", dc.proxiedKubeconfig().toString());
      line(env, prefix + "API", dc.apiServerUrl());
      line(env, prefix + "PROXIED_API", dc.proxiedUrl());
    }
    return env.toString();
  }

  static String summary(Testbed testbed) {
    StringBuilder text = new StringBuilder();
    text.append("Testbed ready in ").append(testbed.workDir()).append('\n');
    for (DataCenterCluster dc : testbed.dataCenters()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-12s api %s  proxied %s%n  %-12s kubeconfig %s%n  %-12s proxied    %s%n  %-12s"
                  + " started in %.1f s (nodes Ready)%n",
              dc.name(),
              dc.apiServerUrl(),
              dc.proxiedUrl(),
              "",
              dc.kubeconfig(),
              "",
              dc.proxiedKubeconfig(),
              "",
              dc.startup().toNodesReady().toMillis() / 1000.0));
    }
    text.append("  toxiproxy    http://127.0.0.1:").append(testbed.toxiproxyPort()).append('\n');
    text.append("  env file     ").append(testbed.layout().envFile()).append('\n');
    text.append("Stop with Ctrl-C, or: testbed stop --work ").append(testbed.workDir());
    return text.toString();
  }

  static String variableName(String dataCenter) {
    return dataCenter.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static void line(StringBuilder env, String key, String value) {
    env.append(key).append("=").append(TestbedWatchdog.shellQuote(value)).append('\n');
  }
}
