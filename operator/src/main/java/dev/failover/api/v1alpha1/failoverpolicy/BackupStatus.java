package dev.failover.api.v1alpha1.failoverpolicy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The backups of the policy's managed state, as the backup service of its rider runs them. */
public class BackupStatus {
  @JsonPropertyDescription("The newest backup in the store: its Secret's name in the hub.")
  private String lastBackup;

  @JsonPropertyDescription("When the newest backup completed (RFC 3339).")
  private String lastBackupTime;

  @JsonPropertyDescription("The data center the newest backup was read from.")
  private String dataCenter;

  @JsonPropertyDescription("How many objects the newest backup holds.")
  private Integer objects;

  @JsonPropertyDescription("The newest backup's size in the store, in bytes (gzip'd JSON).")
  private Long bytes;

  @JsonPropertyDescription("How many backups of this policy the store keeps now.")
  private Integer copiesKept;

  @JsonPropertyDescription(
      "How full the whole backup store is, in percent of its declared capacity, at the last run.")
  private Double storeUsagePercent;

  @JsonPropertyDescription("When the next backup is due (RFC 3339).")
  private String nextDue;

  @JsonPropertyDescription(
      "The Velero Backup created with the newest backup, in the data center's Velero namespace;"
          + " empty where the data center does not serve velero.io/v1.")
  private String veleroBackup;

  @JsonPropertyDescription("What the last run did, in words.")
  private String message;

  public String getLastBackup() {
    return lastBackup;
  }

  public void setLastBackup(String lastBackup) {
    this.lastBackup = lastBackup;
  }

  public String getLastBackupTime() {
    return lastBackupTime;
  }

  public void setLastBackupTime(String lastBackupTime) {
    this.lastBackupTime = lastBackupTime;
  }

  public String getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(String dataCenter) {
    this.dataCenter = dataCenter;
  }

  public Integer getObjects() {
    return objects;
  }

  public void setObjects(Integer objects) {
    this.objects = objects;
  }

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }

  public Integer getCopiesKept() {
    return copiesKept;
  }

  public void setCopiesKept(Integer copiesKept) {
    this.copiesKept = copiesKept;
  }

  public Double getStoreUsagePercent() {
    return storeUsagePercent;
  }

  public void setStoreUsagePercent(Double storeUsagePercent) {
    this.storeUsagePercent = storeUsagePercent;
  }

  public String getNextDue() {
    return nextDue;
  }

  public void setNextDue(String nextDue) {
    this.nextDue = nextDue;
  }

  public String getVeleroBackup() {
    return veleroBackup;
  }

  public void setVeleroBackup(String veleroBackup) {
    this.veleroBackup = veleroBackup;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
