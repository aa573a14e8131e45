package dev.failover.core.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiderNamespacesTest {
  @Test
  void noDeclaredNamespacesMeansTheRidersOwn() {
    assertThat(RiderNamespaces.resolve("shop", null, Set.of())).containsExactly("shop");
    assertThat(RiderNamespaces.resolve("shop", List.of(), Set.of())).containsExactly("shop");
  }

  @Test
  void theOwnNamespaceAndThoseThePlatformListsAreAllowedInOrderOnce() {
    assertThat(
            RiderNamespaces.resolve(
                "shop", List.of("shop-eu", "shop", "shop-eu"), Set.of("shop-eu", "shop-us")))
        .containsExactly("shop-eu", "shop");
  }

  @Test
  void anotherTenantsNamespaceIsRefusedAndNamed() {
    assertThatThrownBy(
            () ->
                RiderNamespaces.resolve(
                    "shop", List.of("shop", "billing", "default"), Set.of("shop-eu")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("billing, default")
        .hasMessageContaining(RiderNamespaces.ANNOTATION);
  }

  @Test
  void theAnnotationIsACommaSeparatedList() {
    assertThat(RiderNamespaces.parseAnnotation(" shop-eu, ,shop-us ,"))
        .containsExactly("shop-eu", "shop-us");
    assertThat(RiderNamespaces.parseAnnotation(null)).isEmpty();
  }
}
