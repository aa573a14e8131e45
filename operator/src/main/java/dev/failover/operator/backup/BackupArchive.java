package dev.failover.operator.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One backup's content: the policy's managed objects as read from one data center, each ready to be
 * applied again. Stored as gzip'd JSON:
 *
 * <pre>
 * {"format": "failover.dev/backup-v1", "policy": {"namespace": "shop", "name": "crm", "uid": "…"},
 *  "dataCenter": "toronto", "completedAt": "2026-12-01T10:00:00Z", "objects": [{…}, …]}
 * </pre>
 */
public record BackupArchive(
    String policyNamespace,
    String policyName,
    String policyUid,
    String dataCenter,
    Instant completedAt,
    List<Map<String, Object>> objects) {
  public static final String FORMAT = "failover.dev/backup-v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  public BackupArchive {
    objects = List.copyOf(objects);
  }

  /** The archive as gzip'd JSON. */
  public byte[] compressed() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put(
        "policy", Map.of("namespace", policyNamespace, "name", policyName, "uid", policyUid));
    document.put("dataCenter", dataCenter);
    document.put("completedAt", completedAt.toString());
    document.put("objects", objects);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      JSON.writeValue(gzip, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a backup of this format
   */
  public static BackupArchive read(byte[] compressed) {
    Map<String, Object> document;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      document = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException("not a gzip'd JSON backup: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(document.get("format"))) {
      throw new IllegalArgumentException(
          "not a backup of format " + FORMAT + ": format is " + document.get("format"));
    }
    Map<?, ?> policy = (Map<?, ?>) document.get("policy");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects = (List<Map<String, Object>>) document.get("objects");
    return new BackupArchive(
        (String) policy.get("namespace"),
        (String) policy.get("name"),
        (String) policy.get("uid"),
        (String) document.get("dataCenter"),
        Instant.parse((String) document.get("completedAt")),
        objects == null ? List.of() : objects);
  }
}
