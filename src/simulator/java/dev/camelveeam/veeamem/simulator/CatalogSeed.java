package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The seed repositories, VM sizes, replica and restore sessions and discovered computers (docs/simulator.md, "Seed
 * data").
 */
final class CatalogSeed {

    static final long TIB = 1024 * BackupCatalog.GIB;

    private CatalogSeed() {
    }

    static void seed(BackupCatalog catalog, String vmRefPrefix, Instant now) {
        catalog.addRepository(new BackupCatalog.Repository(
                EmSimulator.SEED_DEFAULT_REPOSITORY_ID, "Default Backup Repository",
                "WindowsLocal", 2 * TIB, 300 * BackupCatalog.GIB));
        catalog.addRepository(new BackupCatalog.Repository(
                EmSimulator.SEED_HARDENED_REPOSITORY_ID, "Linux Hardened Repository",
                "LinuxLocal", 8 * TIB, TIB));
        catalog.assignRepository(EmSimulator.SEED_ORACLE_JOB_ID, EmSimulator.SEED_DEFAULT_REPOSITORY_ID);
        catalog.assignRepository(EmSimulator.SEED_EXCHANGE_JOB_ID, EmSimulator.SEED_HARDENED_REPOSITORY_ID);

        catalog.setVmSize(vmRefPrefix + "vm-48911", 120 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-48912", 80 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-7870", 200 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-101", 40 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-102", 40 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-201", 20 * BackupCatalog.GIB);
        catalog.setVmSize(vmRefPrefix + "vm-202", 20 * BackupCatalog.GIB);

        Instant replicaStart = now.minus(Duration.ofHours(6));
        catalog.addReplicaSession(new BackupCatalog.ReplicaSession(
                EmSimulator.SEED_WEB_REPLICA_SESSION_ID, EmSimulator.SEED_WEB_REPLICA_JOB_ID,
                "Web Replica", List.of(new BackupCatalog.SessionVm(vmRefPrefix + "vm-101", "web01"),
                        new BackupCatalog.SessionVm(vmRefPrefix + "vm-102", "web02")),
                replicaStart, replicaStart.plus(Duration.ofMinutes(9)), SimBackupSession.Result.Success));

        Instant restoreStart = now.minus(Duration.ofHours(2));
        SimRestoreSession restore = new SimRestoreSession(
                EmSimulator.SEED_EXCH01_RESTORE_SESSION_ID, EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID,
                "exch01", vmRefPrefix + "vm-7870", restoreStart);
        restore.stop(null, restoreStart.plus(Duration.ofMinutes(12)));
        catalog.addRestoreSession(restore);

        catalog.addComputer(new BackupCatalog.DiscoveredComputer(
                EmSimulator.SEED_LINUX_COMPUTER_ID, "app01.lab.local", "Online",
                "6.3.2.1307", "Installed", "Red Hat Enterprise Linux 9.6 (Plow)", "10.0.10.21"));
        catalog.addComputer(new BackupCatalog.DiscoveredComputer(
                EmSimulator.SEED_WINDOWS_COMPUTER_ID, "fs01.lab.local", "Offline",
                "6.3.2.1302", "Installed", "Microsoft Windows Server 2022 Standard", "10.0.10.22"));
    }
}
