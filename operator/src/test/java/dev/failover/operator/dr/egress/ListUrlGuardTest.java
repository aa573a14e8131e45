package dev.failover.operator.dr.egress;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ListUrlGuardTest {
  private final ListUrlGuard strict = ListUrlGuard.strict();

  @Test
  void onlyHttpsIsFetched() {
    assertThatThrownBy(() -> strict.check(URI.create("http://203.0.113.9/list.txt")))
        .hasMessage("the managed list's URL must be https: http://203.0.113.9");
    assertThatThrownBy(() -> strict.check(URI.create("file:///etc/passwd")))
        .hasMessageContaining("must be https");
  }

  @Test
  void internalAddressesAreRefused() {
    for (String host :
        new String[] {
          "127.0.0.1",
          "169.254.169.254",
          "10.0.0.1",
          "192.168.1.1",
          "172.16.0.1",
          "0.0.0.0",
          "[::1]",
          "[fe80::1]",
          "[fd00:ec2::254]"
        }) {
      assertThatThrownBy(() -> strict.check(URI.create("https://" + host + "/list?token=secret")))
          .as(host)
          .hasMessageContaining("an internal address")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void aPublicAddressIsFetchedAndLoopbackOnlyByATestGuard() {
    assertThatCode(() -> strict.check(URI.create("https://203.0.113.9/list.txt")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ListUrlGuard.allowingLoopbackForTests()
                    .check(URI.create("https://127.0.0.1:8443/l")))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                ListUrlGuard.allowingLoopbackForTests()
                    .check(URI.create("https://169.254.169.254/latest")))
        .hasMessageContaining("an internal address");
  }

  @Test
  void messagesShowNoPathOrQuery() {
    assertThat(ListUrlGuard.describe(URI.create("https://lists.example:8443/a?key=secret")))
        .isEqualTo("https://lists.example:8443");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertThat(String value) {
    return org.assertj.core.api.Assertions.assertThat(value);
  }
}
