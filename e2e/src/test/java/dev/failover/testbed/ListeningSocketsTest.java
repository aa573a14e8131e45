package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

  @Test
  void readsAnIpv4LoopbackAddress() throws Exception {
    InetSocketAddress address = ListeningSockets.parseAddress("0100007F:5DC1");

    assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(address.getPort()).isEqualTo(0x5DC1);
  }

  @Test
  void readsTheIpv4Wildcard() throws Exception {
    assertThat(ListeningSockets.parseAddress("00000000:0050").getAddress().isAnyLocalAddress())
        .isTrue();
  }

  @Test
  void readsIpv6LoopbackAndWildcard() throws Exception {
    assertThat(
            ListeningSockets.parseAddress("00000000000000000000000001000000:1F90")
                .getAddress()
                .isLoopbackAddress())
        .isTrue();
    assertThat(
            ListeningSockets.parseAddress("00000000000000000000000000000000:1F90")
                .getAddress()
                .isAnyLocalAddress())
        .isTrue();
  }
}
