package dev.failover.operator.cli;

import dev.failover.operator.backup.BackupArchive;
import dev.failover.operator.backup.BackupRestore;
import dev.failover.operator.backup.BackupStore;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Restores a backup from the hub's backup store into a data center, typically an empty one:
 *
 * <pre>
 * java -cp failover-operator-all.jar dev.failover.operator.cli.RestoreBackup \
 *     --backup backup-shop-crm-20261201-100000-000 --kubeconfig toronto.kubeconfig --wait 2m
 * </pre>
 */
@Command(
    name = "restore-backup",
    mixinStandardHelpOptions = true,
    description =
        "Applies the objects of one backup (a Secret of the hub's backup store) into a data"
            + " center with the operator's field manager, creating the namespace if missing, and"
            + " optionally waits until its Deployments are Available.")
public final class RestoreBackup implements Callable<Integer> {
  @Option(
      names = "--backup",
      required = true,
      description = "The backup's Secret name (status.backups.lastBackup of the policy).")
  String backup;

  @Option(
      names = "--backup-namespace",
      defaultValue = "failover-system",
      description = "The hub namespace of the backup store (default: ${DEFAULT-VALUE}).")
  String backupNamespace;

  @Option(
      names = "--hub-kubeconfig",
      description = "Kubeconfig of the hub; by default the usual one (KUBECONFIG, ~/.kube/config).")
  Path hubKubeconfig;

  @Option(
      names = "--kubeconfig",
      required = true,
      description = "Kubeconfig of the data center to restore into.")
  Path kubeconfig;

  @Option(
      names = "--namespace",
      description = "Restore into this namespace instead of the one backed up.")
  String namespace;

  @Option(
      names = "--wait",
      defaultValue = "0s",
      description =
          "How long to wait for the Deployments to become Available, e.g. 2m (default: no wait).")
  String waitFor;

  private final PrintStream out;

  public RestoreBackup() {
    this(System.out);
  }

  RestoreBackup(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Duration wait = dev.failover.core.DurationText.parse(waitFor);
    BackupArchive archive;
    try (KubernetesClient hub = client(hubKubeconfig)) {
      archive = new BackupStore(hub, backupNamespace).read(backup);
    } catch (IllegalArgumentException e) {
      System.err.println("restore-backup: " + e.getMessage());
      return 2;
    }
    String target = namespace == null ? archive.policyNamespace() : namespace;
    try (KubernetesClient dataCenter = client(kubeconfig)) {
      BackupRestore restore = new BackupRestore(dataCenter);
      List<String> applied = restore.apply(archive, namespace);
      out.println(
          "restored "
              + applied.size()
              + " objects of "
              + archive.policyNamespace()
              + "/"
              + archive.policyName()
              + " (backed up from "
              + archive.dataCenter()
              + " at "
              + archive.completedAt()
              + ") into namespace "
              + target
              + ": "
              + String.join(", ", applied));
      if (wait.isZero()) {
        return 0;
      }
      List<String> waiting = restore.awaitAvailable(target, wait, Clock.systemUTC());
      if (!waiting.isEmpty()) {
        System.err.println("restore-backup: not Available after " + waitFor + ": " + waiting);
        return 1;
      }
      out.println("every Deployment in " + target + " is Available");
      return 0;
    }
  }

  private static KubernetesClient client(Path kubeconfig) throws IOException {
    if (kubeconfig == null) {
      return new KubernetesClientBuilder().build();
    }
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
        .build();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RestoreBackup()).execute(args));
  }
}
