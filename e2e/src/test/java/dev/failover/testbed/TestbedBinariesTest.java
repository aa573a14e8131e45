package dev.failover.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbedBinariesTest {

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    Properties properties = properties("/from/property");

    assertThat(
            TestbedBinaries.directory(properties, Map.of(TestbedBinaries.ENVIRONMENT, "/from/env")))
        .isEqualTo(Path.of("/from/property"));
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    assertThat(
            TestbedBinaries.directory(
                properties(null), Map.of(TestbedBinaries.ENVIRONMENT, "/from/env")))
        .isEqualTo(Path.of("/from/env"));
  }

  @Test
  void defaultsToTheCacheInTheHomeDirectory() {
    assertThat(TestbedBinaries.directory(properties(null), Map.of()))
        .isEqualTo(Path.of("/home/dev/.cache/failover-operator/testbed/bin"));
  }

  @Test
  void missingBinariesFailWithHowToBuildThem(@TempDir Path dir) throws Exception {
    makeExecutable(dir.resolve("kwokctl"));

    assertThatThrownBy(() -> TestbedBinaries.locate(properties(dir.toString()), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("e2e/scripts/testbed-binaries.sh")
        .hasMessageContaining("kube-apiserver")
        .hasMessageContaining(dir.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("kwokctl"));
  }

  @Test
  void findsACompleteDirectory(@TempDir Path dir) throws Exception {
    TestbedBinaries binaries = completeBinaries(dir);

    assertThat(binaries.kwokctl()).isEqualTo(dir.resolve("kwokctl"));
  }

  @Test
  void theExternalDnsCrdIsInCrdsBesideTheBinaries(@TempDir Path cache) throws Exception {
    TestbedBinaries binaries = completeBinaries(cache.resolve("bin"));
    Path crd = Files.createDirectories(cache.resolve("crds")).resolve("dnsendpoints.yaml");
    Files.writeString(crd, "kind: CustomResourceDefinition\n");

    assertThat(binaries.externalDnsCrd()).isEqualTo(crd);
  }

  @Test
  void aMissingExternalDnsCrdFailsWithHowToFetchIt(@TempDir Path cache) throws Exception {
    TestbedBinaries binaries = completeBinaries(cache.resolve("bin"));

    assertThatThrownBy(binaries::externalDnsCrd)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("e2e/scripts/testbed-binaries.sh")
        .hasMessageContaining(cache.resolve("crds/dnsendpoints.yaml").toString());
  }

  private static TestbedBinaries completeBinaries(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String name : TestbedBinaries.REQUIRED) {
      makeExecutable(dir.resolve(name));
    }
    return TestbedBinaries.locate(properties(dir.toString()), Map.of());
  }

  private static Properties properties(String binDir) {
    Properties properties = new Properties();
    properties.setProperty("user.home", "/home/dev");
    if (binDir != null) {
      properties.setProperty(TestbedBinaries.PROPERTY, binDir);
    }
    return properties;
  }

  private static void makeExecutable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
