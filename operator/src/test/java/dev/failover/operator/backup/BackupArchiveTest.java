package dev.failover.operator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BackupArchiveTest {
  private static final BackupArchive ARCHIVE =
      new BackupArchive(
          "shop",
          "crm",
          "uid-1",
          "toronto",
          Instant.parse("2026-12-01T10:00:00Z"),
          List.of(
              Map.of(
                  "apiVersion",
                  "apps/v1",
                  "kind",
                  "Deployment",
                  "metadata",
                  Map.of("name", "web", "namespace", "shop"),
                  "spec",
                  Map.of("replicas", 2))));

  @Test
  void readsBackWhatItWrote() {
    BackupArchive read = BackupArchive.read(ARCHIVE.compressed());
    assertThat(read).isEqualTo(ARCHIVE);
  }

  @Test
  void isGzipdJsonNamingItsFormat() throws IOException {
    byte[] compressed = ARCHIVE.compressed();
    assertThat(compressed[0]).isEqualTo((byte) 0x1f);
    assertThat(compressed[1]).isEqualTo((byte) 0x8b);
    String json =
        new String(
            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"format\":\"failover.dev/backup-v1\"")
        .contains("\"dataCenter\":\"toronto\"");
  }

  @Test
  void refusesBytesThatAreNotGzip() {
    assertThatThrownBy(() -> BackupArchive.read("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a gzip'd JSON backup");
  }

  @Test
  void refusesJsonOfAnotherFormat() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> BackupArchive.read(bytes.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format is other");
  }

  @Test
  void theStoreMeasuresTheDecodedSizeOfBase64WithoutDecodingIt() {
    for (int length = 0; length < 10; length++) {
      byte[] data = new byte[length];
      String base64 = java.util.Base64.getEncoder().encodeToString(data);
      assertThat(BackupStore.decodedLength(base64)).as("length %d", length).isEqualTo(length);
    }
  }
}
