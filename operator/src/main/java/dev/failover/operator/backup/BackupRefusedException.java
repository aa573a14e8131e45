package dev.failover.operator.backup;

/** A backup asked for at once (before a promotion) that the store or the guard refused. */
public final class BackupRefusedException extends RuntimeException {
  private final transient BackupRun run;

  BackupRefusedException(BackupRun run) {
    super(run.message());
    this.run = run;
  }

  public BackupRun run() {
    return run;
  }
}
