package dev.failover.operator.failoverpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.failover.ReplicasMode;
import dev.failover.operator.config.TenancyConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random manifests a careless or hostile author could embed (the schema only checks that each is an
 * object): whatever they hold, judging them never throws, and a policy the gate lets through builds
 * objects that all land in the policy's own namespace with replicas the API accepts.
 */
class WorkloadGatePropertyTest {
  private final WorkloadGate gate = new WorkloadGate(TenancyConfig.defaults());

  @Property(tries = 500)
  void judgingAnyManifestsNeverThrowsAndWhatPassesStaysInTheNamespace(
      @ForAll("manifestLists") List<GenericKubernetesResource> manifests) {
    FailoverPolicy policy = Policies.crm();
    policy.getSpec().getWorkload().setManifests(manifests);

    var blocked = gate.check(policy);
    ManifestClaims.claims(policy);
    ManagedObjects.declared(policy);

    if (blocked.isEmpty()) {
      for (ReplicasMode mode : ReplicasMode.values()) {
        List<GenericKubernetesResource> objects = WorkloadManifests.desired(policy, mode);
        assertThat(objects)
            .allSatisfy(
                object -> assertThat(object.getMetadata().getNamespace()).isIn("shop", null));
      }
    } else {
      assertThat(blocked.get().message()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<List<GenericKubernetesResource>> manifestLists() {
    return manifest().list().ofMinSize(0).ofMaxSize(5);
  }

  private static Arbitrary<GenericKubernetesResource> manifest() {
    Arbitrary<String> apiVersion =
        Arbitraries.of("apps/v1", "v1", "rbac.authorization.k8s.io/v1", "example.com/v1", "");
    Arbitrary<String> kind =
        Arbitraries.of(
            "Deployment", "StatefulSet", "ConfigMap", "Service", "Namespace", "ClusterRole", "");
    Arbitrary<String> namespace = Arbitraries.of("shop", "kube-system", "default", "", "SHOP");
    Arbitrary<String> name = Arbitraries.of("web", "db", "web", "", "x".repeat(300));
    Arbitrary<Object> replicas =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-3, 5).map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.of((Object) "three", 2.5, new BigInteger("99999999999999999999"), true),
            Arbitraries.just(null));
    return Combinators.combine(
            apiVersion,
            kind,
            namespace.injectNull(0.4),
            name.injectNull(0.2),
            replicas,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(WorkloadGatePropertyTest::build);
  }

  private static GenericKubernetesResource build(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Object replicas,
      boolean withMetadata,
      boolean withSelector) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("apiVersion", apiVersion);
    manifest.put("kind", kind);
    if (withMetadata) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      if (name != null) {
        metadata.put("name", name);
      }
      if (namespace != null) {
        metadata.put("namespace", namespace);
      }
      manifest.put("metadata", metadata);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    if (replicas != null) {
      spec.put("replicas", replicas);
    }
    if (withSelector) {
      spec.put("selector", Map.of("matchLabels", Map.of("app", "web")));
    }
    manifest.put("spec", spec);
    return Policies.SERIALIZATION.convertValue(
        new LinkedHashMap<>(manifest), GenericKubernetesResource.class);
  }
}
