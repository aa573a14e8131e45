package dev.failover.operator.datacenter;

/**
 * Why a data center's kubeconfig cannot be used: a condition reason and a message for people that
 * names the Secret and never quotes it.
 */
record KubeconfigProblem(String reason, String message) {}
