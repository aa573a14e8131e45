package dev.failover.core.rider;

import java.util.List;

/**
 * What one grantable task of a rider allows, as a ClusterRole of the member data centers. The role
 * is cluster-wide only as a definition: it is bound with RoleBindings, so it grants nothing outside
 * the rider's namespaces.
 *
 * @param rider the rider kind, lower case: {@code saas}, {@code paas} or {@code iaas}
 * @param task the task, as the rider's spec names it
 * @param purpose what the rules let the subject do, in words, for the docs and the role
 */
public record TaskRole(String rider, String task, String purpose, List<RbacRule> rules) {

  /**
   * Every task role's name starts so: the member chart lets the operator bind these and no more.
   */
  public static final String NAME_PREFIX = "failover-rider-";

  public TaskRole {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(task + " grants nothing");
    }
  }

  /** The ClusterRole's name, for example {@code failover-rider-paas-run-backups}. */
  public String clusterRoleName() {
    return NAME_PREFIX + rider + "-" + kebab(task);
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
