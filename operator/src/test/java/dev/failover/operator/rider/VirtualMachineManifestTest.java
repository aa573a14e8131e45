package dev.failover.operator.rider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.iaasrider.IaasRider;
import dev.failover.api.v1alpha1.iaasrider.IoProfile;
import dev.failover.api.v1alpha1.iaasrider.VmSize;
import dev.failover.core.vm.DesiredMachine;
import dev.failover.core.vm.MachineSpec;
import dev.failover.core.vm.RunStrategy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class VirtualMachineManifestTest {
  private static final RiderTerms RIDER =
      RiderTerms.of(
          Serialization.unmarshal(
              """
              apiVersion: failover.dev/v1alpha1
              kind: IaasRider
              metadata: {name: vms, namespace: shop}
              spec:
                license: {maxVirtualMachines: 3, maxConcurrentSpecialists: 1, maxPaasDevelopersOnVms: 0}
              """,
              IaasRider.class));

  private static GenericKubernetesResource vm(MachineSpec spec, RunStrategy strategy) {
    return VirtualMachineManifest.of(
        RIDER, new DesiredMachine("toronto", spec, strategy, "runs: active here: a"));
  }

  @Test
  void aMachineIsAKubeVirtVirtualMachineInTheRidersNamespaceLabelledToBeFoundAgain() {
    GenericKubernetesResource vm =
        vm(new MachineSpec("app", VmSize.Large, IoProfile.Standard, 40, false), RunStrategy.Always);

    assertThat(vm.getApiVersion()).isEqualTo("kubevirt.io/v1");
    assertThat(vm.getKind()).isEqualTo("VirtualMachine");
    assertThat(vm.getMetadata().getName()).isEqualTo("app");
    assertThat(vm.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(vm.getMetadata().getLabels())
        .containsEntry("failover.dev/rider-kind", "iaas")
        .containsEntry("failover.dev/rider-namespace", "shop")
        .containsEntry("failover.dev/rider-name", "vms")
        .containsEntry("failover.dev/virtual-machine", "app")
        .containsEntry("failover.dev/failover-machine", "false")
        .containsEntry("app.kubernetes.io/managed-by", "failover-operator");
    assertThat(vm.getMetadata().getAnnotations())
        .containsEntry("failover.dev/rider", "IaasRider/shop/vms")
        .containsEntry("failover.dev/run-reason", "runs: active here: a");
    assertThat(vm.<String>get("spec", "runStrategy")).isEqualTo("Always");
  }

  @Test
  void theSizeBecomesCoresAndMemoryAndTheStorageADataVolumeRequest() {
    GenericKubernetesResource vm =
        vm(new MachineSpec("app", VmSize.Large, IoProfile.Standard, 40, false), RunStrategy.Halted);

    assertThat(vm.<String>get("spec", "runStrategy")).isEqualTo("Halted");
    assertThat(vm.<Integer>get("spec", "template", "spec", "domain", "cpu", "cores")).isEqualTo(4);
    assertThat(vm.<String>get("spec", "template", "spec", "domain", "memory", "guest"))
        .isEqualTo("16Gi");
    assertThat(
            vm.<String>get("spec", "template", "spec", "domain", "resources", "requests", "memory"))
        .isEqualTo("16Gi");
    assertThat(vm.<String>get("spec", "dataVolumeTemplates", 0, "metadata", "name"))
        .isEqualTo("app-disk");
    assertThat(
            vm.<String>get(
                "spec",
                "dataVolumeTemplates",
                0,
                "spec",
                "storage",
                "resources",
                "requests",
                "storage"))
        .isEqualTo("40Gi");
    assertThat(vm.<String>get("spec", "template", "spec", "volumes", 0, "dataVolume", "name"))
        .isEqualTo("app-disk");
    assertThat(
            vm.<String>get(
                "spec", "template", "spec", "domain", "devices", "disks", 0, "disk", "bus"))
        .isEqualTo("virtio");
    assertThat(vm.<Object>get("spec", "template", "spec", "domain", "ioThreadsPolicy")).isNull();
    assertThat(
            vm.<Object>get(
                "spec", "template", "spec", "domain", "devices", "disks", 0, "dedicatedIOThread"))
        .isNull();
  }

  @Test
  void anIoHeavyMachineGetsItsOwnIoThreadAndNoHostCache() {
    GenericKubernetesResource vm =
        vm(new MachineSpec("db", VmSize.Small, IoProfile.IoHeavy, 10, true), RunStrategy.Halted);

    assertThat(vm.getMetadata().getLabels()).containsEntry("failover.dev/failover-machine", "true");
    assertThat(vm.<String>get("spec", "template", "spec", "domain", "ioThreadsPolicy"))
        .isEqualTo("auto");
    assertThat(
            vm.<Boolean>get(
                "spec", "template", "spec", "domain", "devices", "disks", 0, "dedicatedIOThread"))
        .isTrue();
    assertThat(vm.<String>get("spec", "template", "spec", "domain", "devices", "disks", 0, "cache"))
        .isEqualTo("none");
    assertThat(vm.<String>get("spec", "template", "spec", "domain", "devices", "disks", 0, "io"))
        .isEqualTo("native");
  }

  @Test
  void theMachineTermsAreReadFromTheRiderWithTheSchemaDefaults() {
    IaasRider rider =
        Serialization.unmarshal(
            """
            apiVersion: failover.dev/v1alpha1
            kind: IaasRider
            metadata: {name: vms, namespace: shop}
            spec:
              license: {maxVirtualMachines: 4, maxConcurrentSpecialists: 1, maxPaasDevelopersOnVms: 0}
              virtualMachines:
                - {name: app, size: XLarge, storageGi: 200}
                - {name: standby, failover: true}
            """,
            IaasRider.class);

    MachineTerms terms = MachineTerms.of(rider);

    assertThat(terms.maxVirtualMachines()).isEqualTo(4);
    assertThat(terms.machines())
        .containsExactly(
            new MachineSpec("app", VmSize.XLarge, IoProfile.Standard, 200, false),
            new MachineSpec("standby", VmSize.Medium, IoProfile.Standard, 50, true));
  }
}
