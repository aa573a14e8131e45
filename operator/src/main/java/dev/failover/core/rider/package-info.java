/**
 * The riders' terms as enforcement, with no client calls: which Kubernetes RBAC each grantable task
 * stands for ({@link TaskRoles}), which namespaces a rider may grant in ({@link RiderNamespaces}),
 * and the RoleBindings a rider's grants become, within its license's limit on people ({@link
 * GrantPlan}).
 */
package dev.failover.core.rider;
