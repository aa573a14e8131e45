package dev.failover.api.v1alpha1.chaosrestoretest;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The backup of the restored state taken before promotion. */
public class BackupRecord {
  @JsonPropertyDescription("Where the backup is, e.g. the name of the ConfigMap or snapshot.")
  private String reference;

  @JsonPropertyDescription("Number of objects backed up.")
  private Integer objects;

  @JsonPropertyDescription("When the backup completed (RFC 3339).")
  private String completedAt;

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public Integer getObjects() {
    return objects;
  }

  public void setObjects(Integer objects) {
    this.objects = objects;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }
}
