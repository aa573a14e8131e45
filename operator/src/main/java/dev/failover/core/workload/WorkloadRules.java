package dev.failover.core.workload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a declared workload can be run and failed over at all (see the package documentation).
 * The first problem found is returned, phrased for the person who wrote the policy.
 */
public final class WorkloadRules {
  private static final BigInteger MAX_REPLICAS = BigInteger.valueOf(Integer.MAX_VALUE);

  private WorkloadRules() {}

  public static Optional<String> problem(
      List<DeclaredObject> objects, List<String> criticalApplications) {
    Map<String, DeclaredObject> seen = new HashMap<>();
    for (DeclaredObject object : objects) {
      Optional<String> problem = problem(object);
      if (problem.isPresent()) {
        return problem;
      }
      String identity =
          object.groupKind()
              + "/"
              + (object.namespace() == null ? "" : object.namespace())
              + "/"
              + object.name();
      DeclaredObject first = seen.putIfAbsent(identity, object);
      if (first != null) {
        return Optional.of(
            object.shown() + " declares the same object as " + first.shown() + "; keep one");
      }
    }
    if (objects.stream().noneMatch(DeclaredObject::scalable)) {
      return Optional.of(
          "spec.workload.manifests has no Deployment or StatefulSet (apps/v1): availability is"
              + " judged on them, so there is nothing to fail over");
    }
    if (criticalApplications != null) {
      for (String critical : criticalApplications) {
        if (objects.stream().noneMatch(object -> critical.equals(object.name()))) {
          return Optional.of(
              "spec.workload.criticalApplications names '"
                  + critical
                  + "', which is no manifest's metadata.name");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(DeclaredObject object) {
    if (object.apiVersion() == null || object.apiVersion().isBlank()) {
      return Optional.of(object.shown() + " has no apiVersion");
    }
    if (object.kind() == null || object.kind().isBlank()) {
      return Optional.of(object.shown() + " has no kind");
    }
    if (object.name() == null || object.name().isBlank()) {
      return Optional.of(object.shown() + " has no metadata.name");
    }
    if (!object.scalable()) {
      return Optional.empty();
    }
    if (!object.hasSelector()) {
      return Optional.of(object.shown() + " has no spec.selector");
    }
    return replicasProblem(object);
  }

  private static Optional<String> replicasProblem(DeclaredObject object) {
    Object replicas = object.replicas();
    if (replicas == null) {
      return Optional.empty();
    }
    Optional<BigInteger> whole = wholeNumber(replicas);
    if (whole.isEmpty()) {
      return Optional.of(
          object.shown() + ": spec.replicas must be a whole number, not '" + replicas + "'");
    }
    if (whole.get().signum() <= 0 || whole.get().compareTo(MAX_REPLICAS) > 0) {
      return Optional.of(
          object.shown()
              + ": spec.replicas must be between 1 and "
              + MAX_REPLICAS
              + ", not "
              + whole.get()
              + (whole.get().signum() == 0
                  ? " (a workload scaled to zero has nothing to fail over)"
                  : ""));
    }
    return Optional.empty();
  }

  private static Optional<BigInteger> wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
    }
    if (value instanceof BigInteger big) {
      return Optional.of(big);
    }
    if (value instanceof Number number) {
      try {
        return Optional.of(new BigDecimal(number.toString()).toBigIntegerExact());
      } catch (ArithmeticException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
