package dev.failover.core.rider;

import static dev.failover.core.rider.RbacRule.CHANGE;
import static dev.failover.core.rider.RbacRule.MANAGE;
import static dev.failover.core.rider.RbacRule.READ;

import dev.failover.api.v1alpha1.iaasrider.IaasTask;
import dev.failover.api.v1alpha1.paasrider.PaasTask;
import dev.failover.api.v1alpha1.saasrider.SaasTask;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping from the riders' grantable tasks to Kubernetes RBAC, published as the table in
 * {@code docs/riders.md} and as the member chart's ClusterRoles. Least privilege throughout:
 *
 * <ul>
 *   <li>no wildcards, and nothing cluster-scoped: every role is bound per namespace;
 *   <li>no Secrets, no RBAC objects (but for the one IaaS task that hands PaaS developers their
 *       roles), no namespaces, nodes or pods/exec;
 *   <li>a provider-only task has no role at all, so nothing can bind it.
 * </ul>
 *
 * Rules on APIs a data center does not serve (KubeVirt, snapshots, Prometheus rules) are kept: RBAC
 * accepts them, they grant nothing until the API is installed, and then they grant exactly this.
 */
public final class TaskRoles {
  private static final String CORE = "";
  private static final String APPS = "apps";
  private static final String NETWORKING = "networking.k8s.io";
  private static final String KUBEVIRT = "kubevirt.io";

  private static final List<RbacRule> READ_EVENTS =
      List.of(RbacRule.of(CORE, "events", READ), RbacRule.of("events.k8s.io", "events", READ));
  private static final RbacRule NETWORK_POLICIES =
      RbacRule.of(NETWORKING, "networkpolicies", MANAGE);
  private static final RbacRule ALERT_RULES =
      RbacRule.of("monitoring.coreos.com", "prometheusrules", MANAGE);

  private static final Map<SaasTask, TaskRole> SAAS = new EnumMap<>(SaasTask.class);
  private static final Map<PaasTask, TaskRole> PAAS = new EnumMap<>(PaasTask.class);
  private static final Map<IaasTask, TaskRole> IAAS = new EnumMap<>(IaasTask.class);

  static {
    saas(
        SaasTask.AccessApplications,
        "find the applications: read their Services and Ingresses",
        RbacRule.of(CORE, "services", READ),
        RbacRule.of(NETWORKING, "ingresses", READ));
    saas(
        SaasTask.UpdateRecords,
        "change the records the applications keep in ConfigMaps; never create or delete them",
        RbacRule.of(CORE, "configmaps", CHANGE));
    saas(
        SaasTask.ReceiveSecurityAlerts,
        "read the Events the operator and the applications publish, security alerts included",
        READ_EVENTS.toArray(RbacRule[]::new));

    paas(
        PaasTask.DeployApplications,
        "create, deploy and run applications: Deployments, StatefulSets, Services, ConfigMaps;"
            + " read their pods and logs",
        RbacRule.of(APPS, List.of("deployments", "statefulsets"), MANAGE),
        RbacRule.of(CORE, List.of("services", "configmaps"), MANAGE),
        RbacRule.of(APPS, "replicasets", READ),
        RbacRule.of(CORE, "pods", READ),
        RbacRule.of(CORE, "pods/log", List.of("get")));
    paas(
        PaasTask.ManagePatchesAndUpgrades,
        "patch and upgrade the running applications (images, settings, scale); never create or"
            + " delete them",
        RbacRule.of(APPS, List.of("deployments", "statefulsets"), CHANGE),
        RbacRule.of(APPS, List.of("deployments/scale", "statefulsets/scale"), CHANGE),
        RbacRule.of(APPS, "replicasets", READ));
    paas(
        PaasTask.ControlSaasUserAccess,
        "decide who reaches the applications: their Ingresses; read their Services",
        RbacRule.of(NETWORKING, "ingresses", MANAGE),
        RbacRule.of(CORE, "services", READ));
    paas(
        PaasTask.CustomizePlatform,
        "customize the applications for local markets: their ConfigMaps",
        RbacRule.of(CORE, "configmaps", MANAGE));
    paas(
        PaasTask.ScanApplications,
        "read what runs, to scan it: pods, Deployments, StatefulSets, ReplicaSets",
        RbacRule.of(CORE, "pods", READ),
        RbacRule.of(APPS, List.of("deployments", "statefulsets", "replicasets"), READ));
    paas(
        PaasTask.ConfigureApplicationFirewall,
        "write the applications' firewall: NetworkPolicies",
        NETWORK_POLICIES);
    paas(
        PaasTask.ManageSecurityAlerts,
        "create and monitor security alerts: PrometheusRules where served; read Events",
        withEvents(ALERT_RULES));
    paas(
        PaasTask.RunBackups,
        "take backups of the applications' volumes: create and read VolumeSnapshots; read PVCs",
        RbacRule.of(
            "snapshot.storage.k8s.io",
            "volumesnapshots",
            List.of("get", "list", "watch", "create")),
        RbacRule.of(CORE, "persistentvolumeclaims", READ));

    iaas(
        IaasTask.ManageVirtualMachines,
        "develop, manage and access virtual machines: KubeVirt VirtualMachines where served, their"
            + " start, stop, restart, console and VNC",
        RbacRule.of(KUBEVIRT, "virtualmachines", MANAGE),
        RbacRule.of(KUBEVIRT, "virtualmachineinstances", READ),
        RbacRule.of(
            "subresources.kubevirt.io",
            List.of("virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart"),
            List.of("update")),
        RbacRule.of(
            "subresources.kubevirt.io",
            List.of("virtualmachineinstances/console", "virtualmachineinstances/vnc"),
            List.of("get")));
    iaas(
        IaasTask.GrantPaasDeveloperAccess,
        "bind PaaS developers to the PaaS developer roles, and to no other role",
        RbacRule.of("rbac.authorization.k8s.io", "rolebindings", MANAGE),
        new RbacRule(
            List.of("rbac.authorization.k8s.io"),
            List.of("clusterroles"),
            List.of("bind"),
            paasDeveloperRoleNames()));
    iaas(
        IaasTask.UseThirdPartyTools,
        "run third-party load balancers and protection tools: Services (LoadBalancer included)",
        RbacRule.of(CORE, "services", MANAGE));
    iaas(
        IaasTask.ScanVirtualMachines,
        "read the virtual machines, to scan them",
        RbacRule.of(KUBEVIRT, List.of("virtualmachines", "virtualmachineinstances"), READ));
    iaas(
        IaasTask.ConfigureVmFirewall,
        "write the virtual machines' firewall: NetworkPolicies",
        NETWORK_POLICIES);
    iaas(
        IaasTask.ManageSecurityAlerts,
        "create and monitor security alerts: PrometheusRules where served; read Events",
        withEvents(ALERT_RULES));
    iaas(
        IaasTask.BackUpVirtualMachines,
        "back up virtual machines: create and read KubeVirt VirtualMachineSnapshots",
        RbacRule.of(
            "snapshot.kubevirt.io",
            "virtualmachinesnapshots",
            List.of("get", "list", "watch", "create")));
  }

  private TaskRoles() {}

  /** The role of a SaaS task; empty for a provider-only one. */
  public static Optional<TaskRole> of(SaasTask task) {
    return Optional.ofNullable(SAAS.get(task));
  }

  /** The role of a PaaS task; empty for a provider-only one. */
  public static Optional<TaskRole> of(PaasTask task) {
    return Optional.ofNullable(PAAS.get(task));
  }

  /** The role of an IaaS task; empty for a provider-only one. */
  public static Optional<TaskRole> of(IaasTask task) {
    return Optional.ofNullable(IAAS.get(task));
  }

  /** Every task role: SaaS, PaaS, then IaaS, each in its enum's order. */
  public static List<TaskRole> all() {
    List<TaskRole> all = new ArrayList<>(SAAS.values());
    all.addAll(PAAS.values());
    all.addAll(IAAS.values());
    return List.copyOf(all);
  }

  private static void saas(SaasTask task, String purpose, RbacRule... rules) {
    requireGrantable(task.isProviderOnly(), task);
    SAAS.put(task, new TaskRole("saas", task.name(), purpose, List.of(rules)));
  }

  private static void paas(PaasTask task, String purpose, RbacRule... rules) {
    requireGrantable(task.isProviderOnly(), task);
    PAAS.put(task, new TaskRole("paas", task.name(), purpose, List.of(rules)));
  }

  private static void iaas(IaasTask task, String purpose, RbacRule... rules) {
    requireGrantable(task.isProviderOnly(), task);
    IAAS.put(task, new TaskRole("iaas", task.name(), purpose, List.of(rules)));
  }

  private static void requireGrantable(boolean providerOnly, Enum<?> task) {
    if (providerOnly) {
      throw new IllegalStateException(task + " is provider-only and must have no role");
    }
  }

  private static RbacRule[] withEvents(RbacRule rule) {
    List<RbacRule> rules = new ArrayList<>(List.of(rule));
    rules.addAll(READ_EVENTS);
    return rules.toArray(RbacRule[]::new);
  }

  /** The ClusterRoles of the PaaS developer tasks, computed before those roles are registered. */
  private static List<String> paasDeveloperRoleNames() {
    return PAAS.values().stream().map(TaskRole::clusterRoleName).toList();
  }
}
