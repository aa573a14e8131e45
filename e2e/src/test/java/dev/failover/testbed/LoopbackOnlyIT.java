package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedTestbedExtension.class)
class LoopbackOnlyIT {

  @Test
  void everyServerOfTheTestbedListensOnLoopbackOnly(Testbed testbed) throws Exception {
    DataCenterCluster toronto = testbed.dataCenter("toronto");
    List<ProcessHandle> processes = TestbedCleanup.processesUnder(testbed.layout().processRoot());
    List<InetSocketAddress> listening = new ArrayList<>();
    for (ProcessHandle process : processes) {
      listening.addAll(ListeningSockets.of(process.pid()));
    }

    assertThat(processes)
        .as("etcd, 4 servers per data center, toxiproxy")
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(listening)
        .extracting(InetSocketAddress::getPort)
        .contains(toronto.apiServerPort(), toronto.proxyPort(), testbed.toxiproxyPort());
    assertThat(listening)
        .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as("%s", a).isTrue());
  }
}
