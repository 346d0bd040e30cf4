package dev.camelveeam.veeamem.simulator;

import java.util.List;
import java.util.function.Function;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/**
 * The backup server, repositories, backups, restore points, VM restore points and discovered computers, as references
 * and as entities (element order per the XSD, JSON order as EM 12 writes entities).
 */
final class CatalogDocuments {

    static final String BACKUP_SERVER_DESCRIPTION = "Simulated backup server.";
    static final int BACKUP_SERVER_PORT = 9392;
    static final String BACKUP_SERVER_VERSION = "12.3.2.4465";
    static final int BACKUP_SERVER_WCF_PORT = 9405;
    static final String BACKUP_SERVER_THUMBPRINT = "3F2A9C0D5B7E41A8C6D2E9F01B3C5D7E9A1B2C3D";

    private final EmLinks links;
    private final BackupCatalog catalog;

    CatalogDocuments(EmLinks links, BackupCatalog catalog) {
        this.links = links;
        this.catalog = catalog;
    }

    static <T> EmElement references(List<T> items, Function<T, EmElement> reference) {
        return EmLinks.list("EntityReferences", "Refs", items.stream().map(reference).toList());
    }

    // --- backup server

    EmElement backupServerReference(String element) {
        String path = "/backupServers/" + EmLinks.BACKUP_SERVER_ID;
        return EmLinks.reference(element, Ids.uid("BackupServer", EmLinks.BACKUP_SERVER_ID), EmLinks.BACKUP_SERVER_NAME,
                links.href(path),
                "BackupServerReference", links(
                        link("Alternate", links.href(path + "?format=Entity"), "BackupServer", EmLinks.BACKUP_SERVER_NAME),
                        link("Down", links.href(path + "/repositories"), "RepositoryReferenceList", null)));
    }

    EmElement backupServer() {
        String path = "/backupServers/" + EmLinks.BACKUP_SERVER_ID;
        return EmElement.of("BackupServer")
                .child(links(
                        link("Alternate", links.href(path), "BackupServerReference", EmLinks.BACKUP_SERVER_NAME),
                        link("Down", links.href(path + "/repositories"), "RepositoryReferenceList", null),
                        link("QuickBackup", links.href(path + "?action=quickbackup"), null, null)))
                .child(EmElement.leaf("Description", BACKUP_SERVER_DESCRIPTION))
                .child(EmElement.leaf("Port", BACKUP_SERVER_PORT))
                .child(EmElement.leaf("Version", BACKUP_SERVER_VERSION))
                .child(EmElement.leaf("WcfPort", BACKUP_SERVER_WCF_PORT))
                .child(EmElement.leaf("VbrCertificateThumbprint", BACKUP_SERVER_THUMBPRINT))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "BackupServer")
                .attr("Name", EmLinks.BACKUP_SERVER_NAME)
                .attr("UID", Ids.uid("BackupServer", EmLinks.BACKUP_SERVER_ID))
                .jsonOrder(EmLinks.entityJsonOrder("Description", "Port", "Version", "WcfPort", "VbrCertificateThumbprint"));
    }

    EmElement backupServers() {
        return EmLinks.list("BackupServers", "BackupServers", List.of(backupServer()));
    }

    // --- repositories

    EmElement repositoryReference(BackupCatalog.Repository repository, String element) {
        String path = "/repositories/" + repository.id();
        return EmLinks.reference(element, Ids.uid("Repository", repository.id()), repository.name(), links.href(path),
                "RepositoryReference",
                links(links.backupServerUp(),
                        link("Alternate", links.href(path + "?format=Entity"), "Repository", repository.name())));
    }

    EmElement repository(BackupCatalog.Repository repository) {
        String path = "/repositories/" + repository.id();
        return EmElement.of("Repository")
                .child(links(links.backupServerUp(),
                        link("Alternate", links.href(path), "RepositoryReference", repository.name())))
                .child(EmElement.leaf("Capacity", repository.capacity()))
                .child(EmElement.leaf("FreeSpace", catalog.freeSpace(repository)))
                .child(EmElement.leaf("Kind", repository.kind()))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "Repository")
                .attr("Name", repository.name())
                .attr("UID", Ids.uid("Repository", repository.id()))
                .jsonOrder(EmLinks.entityJsonOrder("Capacity", "FreeSpace", "Kind"));
    }

    EmElement repositories(List<BackupCatalog.Repository> repositories) {
        return EmLinks.list("Repositories", "Repositories", repositories.stream().map(this::repository).toList());
    }

    // --- backups

    EmElement backupReference(BackupCatalog.Backup backup, String element) {
        String path = "/backups/" + backup.id();
        return EmLinks.reference(element, Ids.uid("Backup", backup.id()), backup.jobName(), links.href(path), "BackupReference",
                links(repositoryUp(backup.repository()), links.backupServerUp(),
                        link("Alternate", links.href(path + "?format=Entity"), "Backup", backup.jobName()),
                        link("Down", links.href(path + "/restorePoints"), "RestorePointReferenceList", null)));
    }

    EmElement backup(BackupCatalog.Backup backup) {
        String path = "/backups/" + backup.id();
        return EmElement.of("Backup")
                .child(links(repositoryUp(backup.repository()), links.backupServerUp(),
                        link("Alternate", links.href(path), "BackupReference", backup.jobName()),
                        link("Down", links.href(path + "/restorePoints"), "RestorePointReferenceList", null)))
                .child(EmElement.leaf("Platform", "VMware"))
                .child(EmElement.leaf("BackupType", "Standard"))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "Backup")
                .attr("Name", backup.jobName())
                .attr("UID", Ids.uid("Backup", backup.id()))
                .jsonOrder(EmLinks.entityJsonOrder("Platform", "BackupType"));
    }

    EmElement backups(List<BackupCatalog.Backup> backups) {
        return EmLinks.list("Backups", "Backups", backups.stream().map(this::backup).toList());
    }

    // --- restore points

    EmElement restorePointReference(BackupCatalog.RestorePoint point, String element) {
        String path = "/restorePoints/" + point.id();
        String name = restorePointName(point);
        return EmLinks.reference(element, Ids.uid("RestorePoint", point.id()), name, links.href(path), "RestorePointReference",
                links(backupUp(point.backup()), links.backupServerUp(),
                        link("Alternate", links.href(path + "?format=Entity"), "RestorePoint", name),
                        link("Down", links.href(path + "/vmRestorePoints"), "VmRestorePointReferenceList", null)));
    }

    EmElement restorePoint(BackupCatalog.RestorePoint point) {
        String path = "/restorePoints/" + point.id();
        String name = restorePointName(point);
        return EmElement.of("RestorePoint")
                .child(links(backupUp(point.backup()), links.backupServerUp(),
                        link("Alternate", links.href(path), "RestorePointReference", name),
                        link("Down", links.href(path + "/vmRestorePoints"), "VmRestorePointReferenceList", null)))
                .child(EmElement.leaf("BackupDateUTC", EmTime.format(point.time())))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "RestorePoint")
                .attr("Name", name)
                .attr("UID", Ids.uid("RestorePoint", point.id()))
                .jsonOrder(EmLinks.entityJsonOrder("BackupDateUTC"));
    }

    EmElement restorePoints(List<BackupCatalog.RestorePoint> points) {
        return EmLinks.list("RestorePoints", "RestorePoints", points.stream().map(this::restorePoint).toList());
    }

    /** EM 12 names a restore point by its time ({@code 2023-11-03 16:25:35}). */
    static String restorePointName(BackupCatalog.RestorePoint point) {
        String name = EmTime.sessionName("", point.time());
        return name.substring(1);
    }

    // --- VM restore points

    /** Up×3 then Alternate, as captured (CloudBolt reads {@code Links[3]} as the entity link). */
    EmElement vmRestorePointReference(BackupCatalog.VmRestorePoint point, String element) {
        String path = "/vmRestorePoints/" + point.id();
        String name = point.name();
        return EmLinks.reference(element, Ids.uid("VmRestorePoint", point.id()), name, links.href(path),
                "VmRestorePointReference",
                links(links.backupServerUp(), restorePointUp(point.point()), backupFileUp(point),
                        link("Alternate", links.href(path + "?format=Entity"), "VmRestorePoint", name)));
    }

    EmElement vmRestorePoint(BackupCatalog.VmRestorePoint point) {
        String path = "/vmRestorePoints/" + point.id();
        String name = point.name();
        return EmElement.of("VmRestorePoint")
                .child(links(
                        link("Restore", links.href(path + "?action=restore"), null, null),
                        links.backupServerUp(), restorePointUp(point.point()), backupFileUp(point),
                        link("Alternate", links.href(path), "VmRestorePointReference", name)))
                .child(EmElement.leaf("CreationTimeUTC", EmTime.format(point.point().time())))
                .child(EmElement.leaf("VmName", point.task().vm().name()))
                .child(EmElement.leaf("Algorithm", point.point().full() ? "Full" : "Incremental"))
                .child(EmElement.leaf("PointType", point.point().full() ? "Full" : "Increment"))
                .child(EmElement.leaf("HierarchyObjRef", point.task().vm().ref()))
                .child(EmElement.absent("SqlInfo"))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "VmRestorePoint")
                .attr("Name", name)
                .attr("UID", Ids.uid("VmRestorePoint", point.id()))
                .attr("VmDisplayName", point.task().vm().name())
                .jsonOrder(EmLinks.entityJsonOrder("CreationTimeUTC", "VmName", "Algorithm", "PointType", "HierarchyObjRef",
                        "SqlInfo",
                        "VmDisplayName"));
    }

    EmElement vmRestorePoints(List<BackupCatalog.VmRestorePoint> points) {
        return EmLinks.list("VmRestorePoints", "VmRestorePoints", points.stream().map(this::vmRestorePoint).toList());
    }

    // --- backup files (one per VM restore point: EM 12's per-machine backup chains)

    EmElement backupFileReference(BackupCatalog.VmRestorePoint point, String element) {
        String path = "/backupFiles/" + point.backupFileId();
        String name = point.backupFileName();
        return EmLinks.reference(element, Ids.uid("BackupFile", point.backupFileId()), name, links.href(path),
                "BackupFileReference",
                links(links.backupServerUp(), backupUp(point.point().backup()),
                        link("Alternate", links.href(path + "?format=Entity"), "BackupFile", name)));
    }

    /** Members in the order of Veeam's reference page ({@code GET /backupFiles/{ID}}), see docs/simulator.md. */
    EmElement backupFile(BackupCatalog.VmRestorePoint point) {
        String path = "/backupFiles/" + point.backupFileId();
        String name = point.backupFileName();
        return EmElement.of("BackupFile")
                .child(links(links.backupServerUp(), backupUp(point.point().backup()),
                        link("Alternate", links.href(path), "BackupFileReference", name)))
                .child(EmElement.leaf("FilePath", point.backupFilePath()))
                .child(EmElement.leaf("BackupSize", point.backupSize()))
                .child(EmElement.leaf("DataSize", point.dataSize()))
                .child(EmElement.leaf("DeduplicationRatio", BackupCatalog.VmRestorePoint.DEDUPLICATION_RATIO))
                .child(EmElement.leaf("CompressRatio", BackupCatalog.VmRestorePoint.COMPRESS_RATIO))
                .child(EmElement.leaf("CreationTimeUtc", EmTime.format(point.point().time())))
                .child(EmElement.leaf("FileType", point.point().full() ? "vbk" : "vib"))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "BackupFile")
                .attr("Name", name)
                .attr("UID", Ids.uid("BackupFile", point.backupFileId()))
                .jsonOrder(EmLinks.entityJsonOrder("FilePath", "BackupSize", "DataSize", "DeduplicationRatio",
                        "CompressRatio", "CreationTimeUtc", "FileType"));
    }

    EmElement backupFiles(List<BackupCatalog.VmRestorePoint> points) {
        return EmLinks.list("BackupFiles", "BackupFiles", points.stream().map(this::backupFile).toList());
    }

    // --- discovered computers

    EmElement computerReference(BackupCatalog.DiscoveredComputer computer, String element) {
        String path = "/agents/discoveredComputers/" + computer.id();
        return EmLinks.reference(element, Ids.uid("DiscoveredComputer", computer.id()), computer.name(), links.href(path),
                "DiscoveredComputerReference", links(links.backupServerUp(),
                        link("Alternate", links.href(path + "?format=Entity"), "DiscoveredComputer", computer.name())));
    }

    /**
     * {@code Href} repeats EM's bug ({@code /backupTaskSessions/{id}?format=Entity}), as in the docs and the v12
     * capture.
     */
    EmElement computer(BackupCatalog.DiscoveredComputer computer) {
        String path = "/agents/discoveredComputers/" + computer.id();
        return EmElement.of("DiscoveredComputer")
                .child(links(links.backupServerUp(),
                        link("Alternate", links.href(path), "DiscoveredComputerReference", computer.name())))
                .child(EmElement.leaf("HostStatus", computer.hostStatus()))
                .child(EmElement.leaf("AgentVersion", computer.agentVersion()))
                .child(EmElement.leaf("AgentStatus", computer.agentStatus()))
                .child(EmElement.leaf("OsVersion", computer.osVersion()))
                .child(EmElement.leaf("IpAddress", computer.ipAddress()))
                .child(EmElement.leaf("HierarchyObjRef",
                        "urn:AgentForWindows:VeeamAgent:00000000-0000-0000-0000-000000000000." + computer.id()))
                .attr("Href", links.href("/backupTaskSessions/" + computer.id() + "?format=Entity"))
                .attr("Type", "DiscoveredComputer")
                .attr("Name", computer.name())
                .attr("UID", Ids.uid("DiscoveredComputer", computer.id()))
                .jsonOrder(EmLinks.entityJsonOrder("HostStatus", "AgentVersion", "AgentStatus", "OsVersion", "IpAddress",
                        "HierarchyObjRef"));
    }

    EmElement computers(List<BackupCatalog.DiscoveredComputer> computers) {
        return EmLinks.list("DiscoveredComputers", "DiscoveredComputers", computers.stream().map(this::computer).toList());
    }

    // --- links shared with the session documents

    EmElement repositoryUp(BackupCatalog.Repository repository) {
        return link("Up", links.href("/repositories/" + repository.id()), "RepositoryReference", repository.name());
    }

    EmElement backupUp(BackupCatalog.Backup backup) {
        return link("Up", links.href("/backups/" + backup.id()), "BackupReference", backup.jobName());
    }

    EmElement restorePointUp(BackupCatalog.RestorePoint point) {
        return link("Up", links.href("/restorePoints/" + point.id()), "RestorePointReference", restorePointName(point));
    }

    /** CloudStack treats a VM restore point without this link as not ready. */
    EmElement backupFileUp(BackupCatalog.VmRestorePoint point) {
        return link("Up", links.href("/backupFiles/" + point.backupFileId()), "BackupFileReference", point.backupFileName());
    }
}
