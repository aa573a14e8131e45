package dev.failover.operator.sla;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;

/** Where the monthly SLA reports go: {@link SlaReports} writes them into ConfigMaps. */
public interface SlaReportWriter {
  /** Writes the policy's report for {@code report.month()}, replacing an earlier one. */
  void write(FailoverPolicy policy, SlaReport report);

  /** The policy is deleted: forget whatever was kept about its reports. */
  void forget(String namespace, String policy);
}
