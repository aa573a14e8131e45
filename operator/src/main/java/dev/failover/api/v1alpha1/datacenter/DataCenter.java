package dev.failover.api.v1alpha1.datacenter;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One member Kubernetes cluster standing in for a data center. Cluster-scoped. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("dc")
@Categories("failover")
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A data center: one member Kubernetes cluster the operator runs"
            + " workloads in, reached through a kubeconfig Secret. Carries its region, priority,"
            + " spare-capacity reserve, probe settings and an optional exclusion window; status"
            + " holds its health phase, probe latency and measured capacity.\"}")
@AdditionalPrinterColumn(name = "Region", jsonPath = ".spec.region", type = Type.STRING)
@AdditionalPrinterColumn(name = "Priority", jsonPath = ".spec.priority", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "P95-ms",
    jsonPath = ".status.latency.p95Ms",
    type = Type.NUMBER,
    getDescription = "95th percentile probe latency in milliseconds")
@AdditionalPrinterColumn(
    name = "Free-%",
    jsonPath = ".status.capacity.freePercent",
    type = Type.NUMBER,
    getDescription = "Free share of the scarcer of CPU and memory, in percent")
@AdditionalPrinterColumn(
    name = "Excluded-Until",
    jsonPath = ".spec.exclusion.until",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class DataCenter extends CustomResource<DataCenterSpec, DataCenterStatus> {
  @Override
  @Required
  @JsonPropertyDescription("How to reach and probe the data center, and how much it is preferred.")
  public DataCenterSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Health phase and probe results; written by the operator.")
  public DataCenterStatus getStatus() {
    return super.getStatus();
  }
}
