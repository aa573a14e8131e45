package dev.failover.operator.rider;

import dev.failover.api.v1alpha1.common.AppliedVirtualMachine;
import dev.failover.api.v1alpha1.common.RiderStatus;
import dev.failover.api.v1alpha1.datacenter.DataCenter;
import dev.failover.api.v1alpha1.datacenter.DataCenterPhase;
import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.vm.DesiredMachine;
import dev.failover.core.vm.MachinePlan;
import dev.failover.core.vm.MachinePlanner;
import dev.failover.core.vm.PolicyPlacement;
import dev.failover.operator.clusters.DataCenterConnections;
import dev.failover.operator.failoverpolicy.BoundedCalls;
import dev.failover.operator.failoverpolicy.PolicySettingsMapper;
import dev.failover.operator.failoverpolicy.ServerSideApply;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IaaS rider's machines in one data center: each desired one server-side applied as a KubeVirt
 * VirtualMachine, the rider's others there deleted, and a status entry per machine. Where the data
 * center does not serve the API nothing is applied and the entries say so; where it cannot be
 * reached they say that, and the reconciler tries again.
 */
public final class RiderMachines {
  private static final Logger log = LoggerFactory.getLogger(RiderMachines.class);

  static final String NOT_SERVED = "does not serve kubevirt.io/v1 VirtualMachines";

  private final DataCenterConnections connections;
  private final KubeVirtDiscovery discovery;

  public RiderMachines(DataCenterConnections connections, KubeVirtDiscovery discovery) {
    this.connections = connections;
    this.discovery = discovery;
  }

  List<AppliedVirtualMachine> apply(
      DataCenter dataCenter, RiderTerms rider, List<DesiredMachine> desired) {
    String name = dataCenter.getMetadata().getName();
    Optional<KubernetesClient> client = reachable(dataCenter);
    if (client.isEmpty()) {
      return entries(desired, false, unreachable(name));
    }
    try {
      if (!discovery.served(name, client.get())) {
        return entries(desired, false, name + " " + NOT_SERVED + ": nothing is created there");
      }
      List<AppliedVirtualMachine> entries = new ArrayList<>();
      Map<String, GenericKubernetesResource> ours = ours(client.get(), rider);
      for (DesiredMachine machine : desired) {
        GenericKubernetesResource existing =
            ours.containsKey(machine.name())
                ? ours.get(machine.name())
                : vms(client.get(), rider).withName(machine.name()).get();
        if (existing != null && !ours.containsKey(machine.name())) {
          // Someone else's machine of that name: never taken over.
          entries.add(
              entry(
                  machine,
                  false,
                  "a VirtualMachine "
                      + machine.name()
                      + " that this rider did not create exists in "
                      + rider.namespace()
                      + "; it is left alone"));
          continue;
        }
        ServerSideApply.apply(client.get(), VirtualMachineManifest.of(rider, machine));
        entries.add(entry(machine, true, machine.why()));
      }
      Set<String> keep = desired.stream().map(DesiredMachine::name).collect(Collectors.toSet());
      for (GenericKubernetesResource vm : ours.values()) {
        if (!keep.contains(vm.getMetadata().getName())) {
          client.get().resource(vm).delete();
        }
      }
      return entries;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        discovery.forget(name); // KubeVirt removed since discovery: ask again next time
      }
      log.warn(
          "rider {}/{}: cannot apply its virtual machines in {}: {}",
          rider.namespace(),
          rider.name(),
          name,
          RiderGrants.describe(e));
      return entries(
          desired, false, "cannot apply the virtual machines here: " + RiderGrants.describe(e));
    }
  }

  /**
   * Deletes every VirtualMachine of the rider in the data center.
   *
   * @return whether none is left (false: not reachable now)
   */
  boolean removeAll(DataCenter dataCenter, RiderTerms rider) {
    String name = dataCenter.getMetadata().getName();
    Optional<KubernetesClient> client = reachable(dataCenter);
    if (client.isEmpty()) {
      return false;
    }
    try {
      if (!discovery.served(name, client.get())) {
        return true; // no API, no machines
      }
      for (GenericKubernetesResource vm : ours(client.get(), rider).values()) {
        client.get().resource(vm).delete();
      }
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        discovery.forget(name);
      }
      log.warn(
          "rider {}/{}: cannot remove its virtual machines from {}: {}",
          rider.namespace(),
          rider.name(),
          name,
          RiderGrants.describe(e));
      return false;
    }
  }

  /** What {@link #sync} did: the plan, an entry per machine and data center, missing ones. */
  record Outcome(MachinePlan plan, List<AppliedVirtualMachine> entries, List<String> missing) {}

  /**
   * Puts the rider's machines in every data center of its policies, and removes them from data
   * centers its policies no longer list ({@code stored} says where they were).
   */
  Outcome sync(
      RiderTerms rider,
      MachineTerms terms,
      List<FailoverPolicy> policies,
      Function<String, Optional<DataCenter>> dataCenters,
      RiderStatus stored) {
    MachinePlan plan =
        MachinePlanner.plan(
            terms.machines(),
            policies.stream().map(RiderMachines::placement).toList(),
            terms.maxVirtualMachines());
    List<AppliedVirtualMachine> entries = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : plan.dataCenters()) {
      Optional<DataCenter> dataCenter = dataCenters.apply(name);
      if (dataCenter.isEmpty()) {
        missing.add(name);
      } else {
        entries.addAll(apply(dataCenter.get(), rider, plan.in(name)));
      }
    }
    for (String name : dataCentersIn(stored)) {
      if (plan.dataCenters().contains(name)) {
        continue;
      }
      // A DataCenter deleted from the hub is no longer the operator's to clean.
      Optional<DataCenter> dataCenter = dataCenters.apply(name);
      if (dataCenter.isPresent() && !removeAll(dataCenter.get(), rider)) {
        stored.getVirtualMachines().stream()
            .filter(e -> name.equals(e.getDataCenter()))
            .map(e -> leaving(e))
            .forEach(entries::add);
      }
    }
    entries.sort(
        java.util.Comparator.comparing(AppliedVirtualMachine::getDataCenter)
            .thenComparing(AppliedVirtualMachine::getName));
    return new Outcome(plan, entries, missing);
  }

  /** The data centers the rider's machines were put in, as its status says. */
  static Set<String> dataCentersIn(RiderStatus status) {
    return status == null || status.getVirtualMachines() == null
        ? Set.of()
        : status.getVirtualMachines().stream()
            .map(AppliedVirtualMachine::getDataCenter)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  static PolicyPlacement placement(FailoverPolicy policy) {
    return new PolicyPlacement(
        policy.getMetadata().getName(),
        PolicySettingsMapper.settings(policy.getSpec()).placement().ordered(),
        policy.getStatus() == null ? null : policy.getStatus().getActiveDataCenter());
  }

  private static AppliedVirtualMachine leaving(AppliedVirtualMachine entry) {
    AppliedVirtualMachine copy = Serialization.clone(entry);
    copy.setApplied(false);
    copy.setMessage(
        unreachable(entry.getDataCenter())
            + "; no policy of the rider runs there any more, so it will be deleted");
    return copy;
  }

  /** The entry of a machine in a data center that does not serve the API. */
  static boolean notServed(AppliedVirtualMachine entry) {
    return !Boolean.TRUE.equals(entry.getApplied())
        && entry.getMessage() != null
        && entry.getMessage().contains(NOT_SERVED);
  }

  static String unreachable(String dataCenter) {
    return dataCenter
        + " cannot be reached: its machines are set, and removed ones deleted, when it returns";
  }

  private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      vms(KubernetesClient client, RiderTerms rider) {
    return client
        .genericKubernetesResources(VirtualMachineManifest.KUBEVIRT_VM)
        .inNamespace(rider.namespace());
  }

  /** The rider's VirtualMachines in its namespace, by name: found by its labels only. */
  private static Map<String, GenericKubernetesResource> ours(
      KubernetesClient client, RiderTerms rider) {
    return vms(client, rider).withLabels(RiderLabels.of(rider)).list().getItems().stream()
        .collect(
            Collectors.toMap(
                vm -> vm.getMetadata().getName(), vm -> vm, (a, b) -> a, java.util.TreeMap::new));
  }

  private Optional<KubernetesClient> reachable(DataCenter dataCenter) {
    DataCenterPhase phase =
        dataCenter.getStatus() == null ? null : dataCenter.getStatus().getPhase();
    if (phase == DataCenterPhase.Unreachable) {
      return Optional.empty();
    }
    return connections
        .client(dataCenter.getMetadata().getName())
        .map(client -> BoundedCalls.to(client, dataCenter));
  }

  private static List<AppliedVirtualMachine> entries(
      List<DesiredMachine> desired, boolean applied, String message) {
    return desired.stream().map(m -> entry(m, applied, message)).toList();
  }

  static AppliedVirtualMachine entry(DesiredMachine machine, boolean applied, String message) {
    AppliedVirtualMachine entry = new AppliedVirtualMachine();
    entry.setDataCenter(machine.dataCenter());
    entry.setName(machine.name());
    entry.setFailover(machine.machine().failover());
    entry.setRunStrategy(machine.runStrategy().name());
    entry.setApplied(applied);
    entry.setMessage(message);
    return entry;
  }
}
