package dev.failover.api.v1alpha1.iaasrider;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.failover.api.v1alpha1.common.ValuePatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A virtual machine of the IaaS rider, controlled by the customer's IaaS specialists. */
public class VirtualMachine {
  @Required
  @Pattern(ValuePatterns.DNS_LABEL)
  @Size(max = ValuePatterns.DNS_LABEL_MAX_LENGTH)
  @JsonPropertyDescription("Name of the virtual machine, unique in the rider; a DNS label.")
  private String name;

  @Default("Medium")
  @JsonPropertyDescription("Small, Medium, Large or XLarge.")
  private VmSize size;

  @Default("Standard")
  @JsonPropertyDescription("Standard or IoHeavy; capacity planning reserves I/O for IoHeavy.")
  private IoProfile ioProfile;

  @Default("50")
  @Min(1)
  @Max(65536)
  @JsonPropertyDescription("Disk size in GiB.")
  private Integer storageGi;

  @Default("false")
  @JsonPropertyDescription(
      "Whether this machine is a failover machine, set up by the specialists with the PaaS"
          + " developers, rather than a production one.")
  private Boolean failover;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public VmSize getSize() {
    return size;
  }

  public void setSize(VmSize size) {
    this.size = size;
  }

  public IoProfile getIoProfile() {
    return ioProfile;
  }

  public void setIoProfile(IoProfile ioProfile) {
    this.ioProfile = ioProfile;
  }

  public Integer getStorageGi() {
    return storageGi;
  }

  public void setStorageGi(Integer storageGi) {
    this.storageGi = storageGi;
  }

  public Boolean getFailover() {
    return failover;
  }

  public void setFailover(Boolean failover) {
    this.failover = failover;
  }
}
