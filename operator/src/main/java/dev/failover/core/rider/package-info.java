/**
 * The riders' terms as enforcement, with no client calls: which Kubernetes RBAC each grantable task
 * stands for ({@link TaskRoles}), which namespaces a rider may grant in ({@link RiderNamespaces}),
 * and the RoleBindings a rider's grants become, within its license's limit on people ({@link
 * GrantPlan}).
 *
 * <p><b>The failover plan</b> ({@link FailoverPlanChecks}) is checked against the policies under
 * the rider and the data centers they may run in, one element at a time, always in this order:
 *
 * <ul>
 *   <li>{@code maxFailoverTime}: no policy's {@code spec.objectives.rto} exceeds it (equal is
 *       within). Each such policy also has {@code WithinRiderFailoverTime=False}.
 *   <li>{@code backupService}: fails when {@code provided} is false. The API has no RPO, so the
 *       backup interval is shown, not compared.
 *   <li>{@code sla}: no policy promises customers ({@code slaPercent}) more than the provider's
 *       {@code availabilityPercent}; the credit tiers exist, none starts above the SLA, no two
 *       share a threshold, lower availability never credits less, and only a cancellation right may
 *       credit 0%. No SLA passes only while no policy promises one.
 *   <li>{@code privacyCompliance}: every data center of every policy lists every law the plan names
 *       in its {@code spec.privacyCompliance}; one that lists none, or has no DataCenter, does not
 *       comply.
 *   <li>PaaS {@code failoverApplication}: {@code Own} with any policy under the rider fails: the
 *       developer's application and this operator would both move the workload and its traffic.
 *   <li>PaaS {@code thirdPartyTools}: shown, never failed: the message tells to point the tools at
 *       the policies' DNS names, which the operator switches.
 * </ul>
 *
 * <p><b>Security alerts</b> ({@link LicenseAlerts}): a license limit is passed when its usage goes
 * over what it allows, having been within it (or absent) in the stored status. One alert per
 * passing; not again while it stays passed, nor after a restart; again after it was kept.
 */
package dev.failover.core.rider;
