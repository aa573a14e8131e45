/**
 * What a policy may declare as its workload, judged before anything is applied. Pure: manifests
 * come in as {@link dev.failover.core.workload.DeclaredObject}s.
 *
 * <p><b>The tenancy rule</b> ({@link dev.failover.core.workload.TenancyRule}). A policy's author is
 * trusted with the policy's namespace and nothing else. So a namespaced object goes only into the
 * policy's own namespace: a manifest that names another namespace is refused, one that names none
 * is placed there. A cluster-scoped kind (a Namespace, a ClusterRoleBinding, a CRD...) reaches
 * every tenant, so it is refused unless the platform team allows its kind in the operator's
 * configuration ({@code FAILOVER_ALLOWED_CLUSTER_SCOPED_KINDS}). The rule is enforced twice: at
 * admission (the chart's ValidatingAdmissionPolicy) and here, before every apply, where a kind's
 * scope comes from a list of the built-in cluster-scoped kinds and, at apply time, from the data
 * center's own discovery, so a custom cluster-scoped kind cannot slip through.
 *
 * <p><b>A workload that can be failed over</b> ({@link dev.failover.core.workload.WorkloadRules}).
 * Every manifest has apiVersion, kind and metadata.name; no object is declared twice; replicas,
 * where given, is a whole number from 1 to 2147483647 (zero would leave nothing to fail over and
 * the move would wait forever); a Deployment or StatefulSet has a selector; at least one Deployment
 * or StatefulSet exists, since availability is judged on them; and every critical application names
 * a manifest. A policy that breaks a rule applies nothing and says why in its Ready condition; what
 * already runs stays as it was.
 */
package dev.failover.core.workload;
