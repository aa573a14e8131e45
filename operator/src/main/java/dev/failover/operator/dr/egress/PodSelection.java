package dev.failover.operator.dr.egress;

import java.util.Map;

/**
 * The pods of one workload object, as a label selector ({@code matchLabels} and/or {@code
 * matchExpressions}) that a NetworkPolicy's podSelector or a CiliumNetworkPolicy's endpointSelector
 * takes as it is.
 */
record PodSelection(String kind, String name, Map<String, Object> selector) {}
