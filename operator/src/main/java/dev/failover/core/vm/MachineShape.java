package dev.failover.core.vm;

import dev.failover.api.v1alpha1.iaasrider.VmSize;

/** What a size class gives a machine: virtual CPUs (cores) and memory in GiB. */
public record MachineShape(int cores, int memoryGi) {
  /** The one size table; docs/riders.md publishes it. */
  public static MachineShape of(VmSize size) {
    return switch (size) {
      case Small -> new MachineShape(1, 2);
      case Medium -> new MachineShape(2, 8);
      case Large -> new MachineShape(4, 16);
      case XLarge -> new MachineShape(8, 32);
    };
  }
}
