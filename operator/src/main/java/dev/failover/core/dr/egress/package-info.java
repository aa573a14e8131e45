/**
 * Disaster-recovery mode's egress postures, decided with no network or client calls: the
 * allowlist's entries ({@link EgressDestination}, and the managed list's text, {@link
 * ManagedListText}), the hostnames' addresses and when to ask again ({@link ResolvedHostnames}),
 * and what a policy's pods may reach in a data center ({@link EgressRules}).
 *
 * <p>The rules, in short:
 *
 * <ul>
 *   <li><b>FailOpen</b> adds nothing. An explicit allow-all egress policy would not be neutral:
 *       NetworkPolicies add up, so it would void the customer's own egress restrictions.
 *   <li><b>FailClosed</b> allows no destination outside the cluster. Two exceptions apply to every
 *       restricting posture: DNS to the cluster resolver (kube-dns in kube-system, port 53 over UDP
 *       and TCP), because without it the critical applications cannot find even their own Services,
 *       and clients wait out resolver timeouts instead of failing fast; and pods in the policy's
 *       own namespace, because the critical applications must keep reaching each other (an
 *       application and its database): that traffic never leaves the tenant, and the postures are
 *       about the internet.
 *   <li><b>ControlledFailOpen</b> adds the allowlist: the customer's entries plus, with {@code
 *       managedAllowlist}, the managed list and the data center's API server addresses. Addresses
 *       and CIDRs are allowed as written. Hostnames are allowed by name where the data center
 *       serves CiliumNetworkPolicy ({@code toFQDNs}), otherwise by their resolved A and AAAA
 *       addresses, re-resolved within their TTLs and at least every refresh interval. A wildcard
 *       has no addresses: it allows nothing without Cilium, and says so.
 *   <li>A resolution without a usable answer keeps the last good addresses and says why.
 * </ul>
 */
package dev.failover.core.dr.egress;
