package dev.failover.core.vm;

import dev.failover.api.v1alpha1.iaasrider.IoProfile;
import dev.failover.api.v1alpha1.iaasrider.VmSize;
import java.util.Objects;

/** One virtual machine the rider lists, with its defaults filled in. */
public record MachineSpec(
    String name, VmSize size, IoProfile ioProfile, int storageGi, boolean failover) {
  public MachineSpec {
    Objects.requireNonNull(name, "name");
    size = size == null ? VmSize.Medium : size;
    ioProfile = ioProfile == null ? IoProfile.Standard : ioProfile;
    if (storageGi < 1) {
      throw new IllegalArgumentException("storageGi must be at least 1, was " + storageGi);
    }
  }

  public static MachineSpec production(String name) {
    return new MachineSpec(name, VmSize.Medium, IoProfile.Standard, 50, false);
  }

  public static MachineSpec failoverMachine(String name) {
    return new MachineSpec(name, VmSize.Medium, IoProfile.Standard, 50, true);
  }
}
