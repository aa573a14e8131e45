package dev.failover.operator.failoverpolicy;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Two policies must never declare the same object: their server-side applies would take turns
 * overwriting it in every data center. Nor the same DNS name: their records would take turns
 * pointing it at their own data centers. The policy created first keeps the object; any later one
 * that declares it is blocked, and applies nothing at all, until one of them changes.
 */
final class ManifestClaims {
  /** Created first wins; a tie (same second) goes by namespace/name. */
  private static final Comparator<FailoverPolicy> FIRST_CREATED =
      Comparator.comparing(
              (FailoverPolicy policy) ->
                  String.valueOf(policy.getMetadata().getCreationTimestamp()))
          .thenComparing(ManifestClaims::name);

  /**
   * Every policy's claims, by uid, for the spec generation they were worked out from: each
   * reconcile compares one policy with all others, and working out a thousand policies' claims
   * every time was most of the operator's work at rest.
   */
  private final Map<String, Memo> memo = new ConcurrentHashMap<>();

  /** The name of the policy cache's index by claim ({@link #keys}). */
  static final String INDEX = "manifest-claims";

  /**
   * The policy's claims as index keys: the cache then finds a claim's other claimants directly,
   * where comparing each policy with all others on every reconcile grew with the square of the
   * policies.
   */
  List<String> keys(FailoverPolicy policy) {
    return List.copyOf(claimsOf(policy).keySet());
  }

  /**
   * Why the policy may not act: an object it declares that a policy created before it declares too.
   * Empty when it may.
   *
   * @param claimants the policies that claim a key (the cache's {@link #INDEX})
   */
  Optional<String> conflict(
      FailoverPolicy policy, Function<String, List<FailoverPolicy>> claimants) {
    Map<String, String> mine = claimsOf(policy);
    return mine.keySet().stream()
        .flatMap(key -> claimants.apply(key).stream().map(other -> Map.entry(key, other)))
        .filter(claim -> FIRST_CREATED.compare(claim.getValue(), policy) < 0)
        .filter(claim -> !name(claim.getValue()).equals(name(policy)))
        .sorted(Map.Entry.comparingByValue(FIRST_CREATED))
        .map(
            claim ->
                mine.get(claim.getKey())
                    + " is also declared by policy "
                    + name(claim.getValue())
                    + ", created before this one; rename it or remove it from one of"
                    + " the two. Until then this policy applies nothing.")
        .findFirst();
  }

  /** Forgets the claims of policies that are gone. */
  void retainPolicies(Set<String> uids) {
    memo.keySet().retainAll(uids);
  }

  private Map<String, String> claimsOf(FailoverPolicy policy) {
    String uid = policy.getMetadata().getUid();
    Long generation = policy.getMetadata().getGeneration();
    if (uid == null || generation == null) {
      return claims(policy);
    }
    Memo known = memo.get(uid);
    if (known != null && known.generation() == generation) {
      return known.claims();
    }
    Memo fresh = new Memo(generation, Collections.unmodifiableMap(claims(policy)));
    memo.put(uid, fresh);
    return fresh.claims();
  }

  private record Memo(long generation, Map<String, String> claims) {}

  /** Each object the policy puts into a data center, by identity, with a name for people. */
  static Map<String, String> claims(FailoverPolicy policy) {
    Map<String, String> claims = new LinkedHashMap<>();
    if (policy.getSpec() == null
        || policy.getSpec().getWorkload() == null
        || policy.getSpec().getWorkload().getManifests() == null) {
      return claims;
    }
    String policyNamespace = policy.getMetadata().getNamespace();
    for (GenericKubernetesResource manifest : policy.getSpec().getWorkload().getManifests()) {
      if (manifest == null || manifest.getMetadata() == null) {
        continue;
      }
      String namespace =
          manifest.getMetadata().getNamespace() == null
                  || manifest.getMetadata().getNamespace().isBlank()
              ? policyNamespace
              : manifest.getMetadata().getNamespace();
      String shown = manifest.getKind() + " " + namespace + "/" + manifest.getMetadata().getName();
      claims.put(group(manifest.getApiVersion()) + "/" + shown, shown);
    }
    try {
      String dnsName = DnsEndpointRecord.dnsName(policy).toLowerCase(Locale.ROOT);
      claims.put("dns/" + dnsName, "DNS name " + dnsName);
    } catch (IllegalArgumentException noValidName) {
      // WorkloadGate blocks such a policy before claims are compared.
    }
    return claims;
  }

  /** The API group: {@code apps/v1} and {@code apps/v1beta1} name the same objects. */
  private static String group(String apiVersion) {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String name(FailoverPolicy policy) {
    return policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
  }
}
