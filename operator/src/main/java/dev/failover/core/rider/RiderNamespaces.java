package dev.failover.core.rider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rider may grant: its own namespace, and the namespaces the platform team lists for that
 * namespace. A tenant writes its rider, so a rider that names another tenant's namespace would hand
 * its subjects rights there; the allow-list is on the hub's Namespace object, which tenants cannot
 * change.
 */
public final class RiderNamespaces {
  private RiderNamespaces() {}

  /**
   * The namespaces to grant in: the declared ones, or the rider's own when none are declared.
   *
   * @throws IllegalArgumentException naming every namespace the rider may not grant in
   */
  public static List<String> resolve(
      String riderNamespace, List<String> declared, Set<String> allowedByPlatform) {
    if (declared == null || declared.isEmpty()) {
      return List.of(riderNamespace);
    }
    Set<String> resolved = new LinkedHashSet<>(declared);
    List<String> refused =
        resolved.stream()
            .filter(n -> !n.equals(riderNamespace) && !allowedByPlatform.contains(n))
            .toList();
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException(
          "spec.userControl.namespaces names "
              + String.join(", ", refused)
              + ": a rider grants only in its own namespace ("
              + riderNamespace
              + ") and in those the platform team lists in the annotation "
              + ANNOTATION
              + " of that namespace in the hub");
    }
    return List.copyOf(resolved);
  }

  /** The hub Namespace annotation that lists, comma-separated, further namespaces for riders. */
  public static final String ANNOTATION = "failover.dev/rider-namespaces";

  /** The annotation's value as a set of names; blanks and spaces are ignored. */
  public static Set<String> parseAnnotation(String value) {
    Set<String> names = new LinkedHashSet<>();
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          names.add(part.strip());
        }
      }
    }
    return names;
  }
}
