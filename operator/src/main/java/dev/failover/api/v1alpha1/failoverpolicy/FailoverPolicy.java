package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Binds a workload to a rider and the data centers, with its failover objectives and rules. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("fp")
@Categories("failover")
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A cloud failover policy for one workload: the rider it falls under,"
            + " the manifests to run, placement over data centers (primary and ordered"
            + " secondaries, or lowest latency), standby mode, objectives (availability, SLA,"
            + " RTO), detection thresholds, failback rules, a manual action, who is notified and"
            + " the disaster-recovery posture. Status holds the active data center, the failover"
            + " in progress and a bounded history with measured RTOs.\"}")
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeDataCenter", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Step",
    jsonPath = ".status.currentStep",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Last-RTO-ms",
    jsonPath = ".status.lastFailover.measuredRtoMillis",
    type = Type.INTEGER,
    getDescription = "Measured recovery time of the last failover, in milliseconds")
@AdditionalPrinterColumn(
    name = "Availability",
    jsonPath = ".status.availability.percent",
    type = Type.NUMBER,
    getDescription = "Availability over the rolling window, in percent")
@AdditionalPrinterColumn(
    name = "Rider",
    jsonPath = ".spec.riderRef.name",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "DNS-Target",
    jsonPath = ".status.dnsTarget",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class FailoverPolicy extends CustomResource<FailoverPolicySpec, FailoverPolicyStatus>
    implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("The policy; the operator never writes it.")
  public FailoverPolicySpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "Where the workload runs and what happened to it; written by the operator.")
  public FailoverPolicyStatus getStatus() {
    return super.getStatus();
  }
}
