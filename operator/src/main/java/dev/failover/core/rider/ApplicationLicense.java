package dev.failover.core.rider;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A license's limits on applications: how many policies may run under the rider, and of which
 * kinds. When more policies name the rider than the license allows, the oldest run (creation time,
 * then name, so the order never changes under a running policy) and the rest get no workload.
 *
 * @param maxApplications the most policies under the rider, if the license limits them
 * @param maxField the license field that limits them, for messages
 * @param allowedTypes the application types the license allows; empty allows any
 * @param typesField the license field that lists them, for messages
 */
public record ApplicationLicense(
    OptionalInt maxApplications, String maxField, Set<String> allowedTypes, String typesField) {

  /** A policy under the rider, as the license sees it. */
  public record RiderPolicy(String name, Instant created, String applicationType) {}

  /** Why a policy may not run under this license. */
  public record Refusal(String reason, String message) {}

  public static final ApplicationLicense UNLIMITED =
      new ApplicationLicense(OptionalInt.empty(), null, Set.of(), null);

  public ApplicationLicense {
    allowedTypes = Set.copyOf(allowedTypes);
  }

  /**
   * Whether {@code policy} may run, given every policy under the rider ({@code policy} among them).
   */
  public Optional<Refusal> check(RiderPolicy policy, List<RiderPolicy> all, String rider) {
    if (!typeAllowed(policy)) {
      return Optional.of(
          new Refusal(
              "ApplicationTypeNotLicensed",
              "spec.workload.applicationType "
                  + policy.applicationType()
                  + " is not allowed by "
                  + rider
                  + ": "
                  + typesField
                  + " allows "
                  + allowedTypes.stream().sorted().toList()));
    }
    if (maxApplications.isEmpty()) {
      return Optional.empty();
    }
    int limit = maxApplications.getAsInt();
    // A policy refused for its type gets no workload, so it does not count against the limit.
    List<RiderPolicy> ordered = ordered(all);
    int position = ordered.indexOf(policy);
    if (position < limit) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            "ApplicationLimitReached",
            "this is policy "
                + (position + 1)
                + " under "
                + rider
                + ", whose "
                + maxField
                + " allows "
                + limit
                + ": the "
                + limit
                + " oldest run ("
                + String.join(
                    ", ", ordered.subList(0, limit).stream().map(RiderPolicy::name).toList())
                + "); this one gets no workload until one of them goes or the limit is raised"));
  }

  /**
   * The policies the license refuses, in order: those of a type it does not allow, then those over
   * the limit.
   */
  public List<RiderPolicy> refused(List<RiderPolicy> all) {
    List<RiderPolicy> refused =
        new java.util.ArrayList<>(all.stream().filter(p -> !typeAllowed(p)).toList());
    List<RiderPolicy> ordered = ordered(all);
    if (maxApplications.isPresent() && ordered.size() > maxApplications.getAsInt()) {
      refused.addAll(ordered.subList(maxApplications.getAsInt(), ordered.size()));
    }
    return refused;
  }

  /** The policies that count against the limit: those of an allowed type. */
  public long counted(List<RiderPolicy> all) {
    return all.stream().filter(this::typeAllowed).count();
  }

  private boolean typeAllowed(RiderPolicy policy) {
    return policy.applicationType() == null
        || allowedTypes.isEmpty()
        || allowedTypes.contains(policy.applicationType());
  }

  private List<RiderPolicy> ordered(List<RiderPolicy> all) {
    return all.stream()
        .filter(this::typeAllowed)
        .sorted(Comparator.comparing(RiderPolicy::created).thenComparing(RiderPolicy::name))
        .toList();
  }
}
