package dev.failover.core.dr.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class EgressDestinationTest {
  @Test
  void anIpv4AddressIsItsSlash32Block() {
    assertThat(EgressDestination.parse("192.0.2.10"))
        .isEqualTo(new EgressDestination.Block("192.0.2.10/32"));
  }

  @Test
  void aCidrIsKeptInCanonicalForm() {
    assertThat(EgressDestination.parse("10.1.2.3/8"))
        .isEqualTo(new EgressDestination.Block("10.0.0.0/8"));
    assertThat(EgressDestination.parse("198.51.100.0/24"))
        .isEqualTo(new EgressDestination.Block("198.51.100.0/24"));
  }

  @Test
  void anIpv6AddressIsItsSlash128BlockAndACidrItsNetwork() {
    assertThat(EgressDestination.parse("2001:db8::1"))
        .isEqualTo(new EgressDestination.Block("2001:db8::1/128"));
    assertThat(EgressDestination.parse("2001:db8:ff::7/32"))
        .isEqualTo(new EgressDestination.Block("2001:db8::/32"));
  }

  @Test
  void aHostnameAndAWildcardAreNamesInLowerCase() {
    assertThat(EgressDestination.parse("API.Payments.example"))
        .isEqualTo(new EgressDestination.Hostname("api.payments.example"));
    assertThat(EgressDestination.parse("*.cdn.example"))
        .isEqualTo(new EgressDestination.Wildcard("*.cdn.example"));
  }

  @Test
  void aBlockWiderThanTheCrdAllowsIsRefused() {
    assertThatThrownBy(() -> EgressDestination.parse("0.0.0.0/0"))
        .hasMessageContaining("wider than /8");
    assertThatThrownBy(() -> EgressDestination.parse("10.0.0.0/7"))
        .hasMessageContaining("wider than /8");
    assertThatThrownBy(() -> EgressDestination.parse("::/0"))
        .hasMessageContaining("wider than /16");
    assertThat(EgressDestination.parse("2001::/16")).isInstanceOf(EgressDestination.Block.class);
  }

  @Test
  void somethingElseIsRefusedNamingIt() {
    for (String bad :
        new String[] {"", "https://example.com", "a b", "*.", "*.*.example", "999.1.1.1", "x/24"}) {
      assertThatThrownBy(() -> EgressDestination.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> EgressDestination.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResolvedAddressBecomesAOneAddressBlock() throws Exception {
    assertThat(EgressDestination.single(InetAddress.getByName("203.0.113.5")).cidr())
        .isEqualTo("203.0.113.5/32");
    assertThat(EgressDestination.single(InetAddress.getByName("2001:db8::5")).cidr())
        .isEqualTo("2001:db8::5/128");
  }

  @Test
  void ipv6IsWrittenTheWayRfc5952Does() {
    assertThat(EgressDestination.parse("2001:0db8:0000:0000:0001:0000:0000:0001").toString())
        .contains("2001:db8::1:0:0:1/128");
    assertThat(EgressDestination.parse("2001:db8:0:1:1:1:1:1"))
        .isEqualTo(new EgressDestination.Block("2001:db8:0:1:1:1:1:1/128"));
    assertThat(EgressDestination.parse("fd00:ec2::254"))
        .isEqualTo(new EgressDestination.Block("fd00:ec2::254/128"));
    assertThat(EgressDestination.parse("2001:db8::/48"))
        .isEqualTo(new EgressDestination.Block("2001:db8::/48"));
  }
}
