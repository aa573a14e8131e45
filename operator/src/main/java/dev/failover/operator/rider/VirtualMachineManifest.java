package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.iaasrider.IoProfile;
import dev.failover.core.vm.DesiredMachine;
import dev.failover.core.vm.MachineShape;
import dev.failover.core.vm.MachineSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rider's machine as a KubeVirt {@code kubevirt.io/v1 VirtualMachine}, built as a generic
 * resource: the operator does not depend on KubeVirt's Java model, only on the fields below.
 */
final class VirtualMachineManifest {
  static final ResourceDefinitionContext KUBEVIRT_VM =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubevirt.io")
          .withVersion("v1")
          .withKind("VirtualMachine")
          .withPlural("virtualmachines")
          .withNamespaced(true)
          .build();

  /** The machine's name as the rider lists it, on every VirtualMachine the operator makes. */
  static final String MACHINE_LABEL = "failover.dev/virtual-machine";

  /** {@code "true"} on failover machines, {@code "false"} on production ones. */
  static final String FAILOVER_LABEL = "failover.dev/failover-machine";

  private VirtualMachineManifest() {}

  static Map<String, String> labels(RiderTerms rider, MachineSpec machine) {
    Map<String, String> labels = new LinkedHashMap<>(RiderLabels.of(rider));
    labels.put(MACHINE_LABEL, machine.name());
    labels.put(FAILOVER_LABEL, Boolean.toString(machine.failover()));
    return labels;
  }

  static GenericKubernetesResource of(RiderTerms rider, DesiredMachine desired) {
    MachineSpec machine = desired.machine();
    MachineShape shape = MachineShape.of(machine.size());
    boolean ioHeavy = machine.ioProfile() == IoProfile.IoHeavy;
    String disk = machine.name() + "-disk";

    Map<String, Object> diskDevice = new LinkedHashMap<>();
    diskDevice.put("name", "disk");
    diskDevice.put("disk", Map.of("bus", "virtio"));
    Map<String, Object> domain = new LinkedHashMap<>();
    domain.put("cpu", Map.of("cores", shape.cores()));
    domain.put("memory", Map.of("guest", shape.memoryGi() + "Gi"));
    domain.put("resources", Map.of("requests", Map.of("memory", shape.memoryGi() + "Gi")));
    if (ioHeavy) {
      // Its own I/O thread, and no host page cache: the I/O-heavy machines of the IBM outage.
      domain.put("ioThreadsPolicy", "auto");
      diskDevice.put("dedicatedIOThread", true);
      diskDevice.put("cache", "none");
      diskDevice.put("io", "native");
    }
    domain.put("devices", Map.of("disks", List.of(diskDevice)));

    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", Map.of("labels", labels(rider, machine)));
    template.put(
        "spec",
        Map.of(
            "domain",
            domain,
            "volumes",
            List.of(Map.of("name", "disk", "dataVolume", Map.of("name", disk)))));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("runStrategy", desired.runStrategy().name());
    spec.put(
        "dataVolumeTemplates",
        List.of(
            Map.of(
                "metadata",
                Map.of("name", disk),
                "spec",
                Map.of(
                    "source",
                    Map.of("blank", Map.of()),
                    "storage",
                    Map.of(
                        "resources",
                        Map.of("requests", Map.of("storage", machine.storageGi() + "Gi")))))));
    spec.put("template", template);

    GenericKubernetesResource vm = new GenericKubernetesResource();
    vm.setApiVersion("kubevirt.io/v1");
    vm.setKind("VirtualMachine");
    vm.setMetadata(
        new ObjectMetaBuilder()
            .withName(machine.name())
            .withNamespace(rider.namespace())
            .withLabels(labels(rider, machine))
            .withAnnotations(
                Map.of(
                    "failover.dev/rider",
                    rider.kind().name() + "/" + rider.namespace() + "/" + rider.name(),
                    "failover.dev/run-reason",
                    desired.why()))
            .build());
    vm.setAdditionalProperty("spec", spec);
    return vm;
  }
}
