package dev.failover.e2e;

import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterSpec;
import dev.failover.api.v1alpha1.datacenter.KubeconfigSecretRef;
import dev.failover.api.v1alpha1.datacenter.ProbeSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Optional;

/**
 * One data center of a {@link FailoverWorld}: the testbed cluster of that name and the {@code
 * DataCenter} resource that describes it to the operator. Without a probe, the CRD's defaults
 * apply.
 */
public record DataCenterPlan(
    String name, String region, int priority, String ingressAddress, Optional<ProbeSpec> probe) {

  /** The demo's three: Toronto preferred, then Chicago, then Washington. */
  public static List<DataCenterPlan> defaults() {
    return List.of(
        new DataCenterPlan("toronto", "ca-central", 10, "10.0.0.1", Optional.empty()),
        new DataCenterPlan("chicago", "us-central", 20, "10.0.0.2", Optional.empty()),
        new DataCenterPlan("washington", "us-east", 30, "10.0.0.3", Optional.empty()));
  }

  public DataCenterPlan withIngressAddress(String address) {
    return new DataCenterPlan(name, region, priority, address, probe);
  }

  public DataCenterPlan withProbe(ProbeSpec probe) {
    return new DataCenterPlan(name, region, priority, ingressAddress, Optional.of(probe));
  }

  /** The hub Secret holding the data center's kubeconfig. */
  public String secretName() {
    return "dc-" + name;
  }

  DataCenter resource(String secretsNamespace) {
    KubeconfigSecretRef secretRef = new KubeconfigSecretRef();
    secretRef.setName(secretName());
    secretRef.setNamespace(secretsNamespace);
    secretRef.setKey(FailoverWorld.KUBECONFIG_KEY);
    DataCenterSpec spec = new DataCenterSpec();
    spec.setKubeconfigSecretRef(secretRef);
    spec.setRegion(region);
    spec.setPriority(priority);
    spec.setIngressAddress(ingressAddress);
    probe.ifPresent(spec::setProbe);
    DataCenter dataCenter = new DataCenter();
    dataCenter.setMetadata(new ObjectMetaBuilder().withName(name).build());
    dataCenter.setSpec(spec);
    return dataCenter;
  }
}
