package dev.failover.operator.backup;

import dev.failover.api.v1alpha1.failoverpolicy.FailoverPolicy;
import dev.failover.core.ShortName;
import dev.failover.operator.failoverpolicy.PolicyLabels;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backup store: one immutable Secret per backup in a hub namespace the operator owns, so a
 * tenant who can read Secrets in their own namespace reads no backup, theirs or another's. The
 * store is measured from itself: the size of every backup is the length of its Secret's data, read
 * page by page (at most {@link #PAGE} Secrets in memory at once), never a figure kept in memory.
 */
public final class BackupStore {
  public static final String BACKUP_LABEL = "failover.dev/backup";
  public static final String POLICY_UID_LABEL = "failover.dev/policy-uid";
  public static final String DATA_CENTER_LABEL = "failover.dev/data-center";
  public static final String COMPLETED_AT = "failover.dev/completed-at";
  public static final String OBJECTS = "failover.dev/objects";
  public static final String DATA_KEY = "backup.json.gz";
  public static final String SECRET_TYPE = "failover.dev/backup";

  /** A Secret holds at most 1 MiB; what is left after the object's metadata is for the archive. */
  public static final long MAX_BACKUP_BYTES = 1024 * 1024 - 16 * 1024;

  static final long PAGE = 16;
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private final KubernetesClient hub;
  private final String namespace;

  public BackupStore(KubernetesClient hub, String namespace) {
    this.hub = hub;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  /** Every backup in the store, of every policy. */
  public List<StoredBackup> list() {
    List<StoredBackup> found = new ArrayList<>();
    String next = null;
    do {
      SecretList page =
          hub.secrets()
              .inNamespace(namespace)
              .withLabel(BACKUP_LABEL, "true")
              .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
      page.getItems().stream()
          .map(BackupStore::stored)
          .flatMap(Optional::stream)
          .forEach(found::add);
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return found;
  }

  /** Writes one backup; its Secret is immutable, so a backup is never changed once stored. */
  public StoredBackup write(FailoverPolicy policy, BackupArchive archive, byte[] compressed) {
    String name =
        ShortName.of(
                "backup-"
                    + policy.getMetadata().getNamespace()
                    + "-"
                    + policy.getMetadata().getName(),
                200)
            + "-"
            + NAME_TIME.format(archive.completedAt());
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels(PolicyLabels.of(policy))
            .addToLabels(BACKUP_LABEL, "true")
            .addToLabels(POLICY_UID_LABEL, policy.getMetadata().getUid())
            .addToLabels(DATA_CENTER_LABEL, archive.dataCenter())
            .addToAnnotations(COMPLETED_AT, archive.completedAt().toString())
            .addToAnnotations(OBJECTS, Integer.toString(archive.objects().size()))
            .endMetadata()
            .withType(SECRET_TYPE)
            .withImmutable(true)
            .addToData(DATA_KEY, Base64.getEncoder().encodeToString(compressed))
            .build();
    return stored(hub.resource(secret).create()).orElseThrow();
  }

  public void delete(String name) {
    hub.secrets().inNamespace(namespace).withName(name).delete();
  }

  /**
   * @throws IllegalArgumentException when there is no such backup, or it is not one
   */
  public BackupArchive read(String name) {
    Secret secret = hub.secrets().inNamespace(namespace).withName(name).get();
    return read(secret, namespace + "/" + name);
  }

  /** The archive a backup Secret holds, however it was read. */
  public static BackupArchive read(Secret secret, String shown) {
    if (secret == null) {
      throw new IllegalArgumentException("no backup " + shown);
    }
    Map<String, String> data = secret.getData();
    if (data == null || data.get(DATA_KEY) == null) {
      throw new IllegalArgumentException(shown + " holds no " + DATA_KEY + ": not a backup");
    }
    return BackupArchive.read(Base64.getDecoder().decode(data.get(DATA_KEY)));
  }

  private static Optional<StoredBackup> stored(Secret secret) {
    Map<String, String> labels = secret.getMetadata().getLabels();
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    if (labels == null
        || annotations == null
        || annotations.get(COMPLETED_AT) == null
        || secret.getData() == null
        || secret.getData().get(DATA_KEY) == null) {
      return Optional.empty();
    }
    Instant completedAt;
    int objects;
    try {
      completedAt = Instant.parse(annotations.get(COMPLETED_AT));
      objects = Integer.parseInt(annotations.getOrDefault(OBJECTS, "0"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredBackup(
            secret.getMetadata().getName(),
            labels.get(POLICY_UID_LABEL),
            labels.get(DATA_CENTER_LABEL),
            completedAt,
            objects,
            decodedLength(secret.getData().get(DATA_KEY))));
  }

  /** The decoded length of base64 text, without decoding it. */
  static long decodedLength(String base64) {
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return (long) base64.length() / 4 * 3 - padding;
  }
}
