package dev.failover.api.v1alpha1.chaosrestoretest;

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

/** Verifies a restored data center before it takes production traffic again. */
@Group("failover.dev")
@Version("v1alpha1")
@ShortNames("crt")
@Categories("failover")
@SchemaCustomizer(
    value = SchemaCustomizer.MergePatchCustomizer.class,
    input =
        "{\"description\": \"A chaos restore test of a restored data center: runs a policy's"
            + " workload in an isolated test namespace there, stops resources and services at"
            + " random (seeded, so reproducible), records each fault and its recovery time,"
            + " checks a drill failover, backs up the restored state and then promotes the data"
            + " center to production. Triggered by restoration, on a schedule or by hand.\"}")
@AdditionalPrinterColumn(name = "DataCenter", jsonPath = ".spec.dataCenter", type = Type.STRING)
@AdditionalPrinterColumn(name = "Trigger", jsonPath = ".spec.trigger", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Promoted", jsonPath = ".status.promoted", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Seed",
    jsonPath = ".status.seed",
    type = Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ChaosRestoreTest extends CustomResource<ChaosRestoreTestSpec, ChaosRestoreTestStatus>
    implements Namespaced {
  @Override
  @Required
  @JsonPropertyDescription("What to test and how.")
  public ChaosRestoreTestSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Progress and results; written by the operator.")
  public ChaosRestoreTestStatus getStatus() {
    return super.getStatus();
  }
}
