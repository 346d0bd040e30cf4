package dev.camelveeam.veeamem.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The backup server and what it holds: {@code /api/backupServers[/{id}[/repositories]]},
 * {@code /api/repositories[/{id}]}, {@code /api/backups[/{id}[/restorePoints]]},
 * {@code /api/restorePoints[/{id}[/vmRestorePoints]]}, {@code /api/vmRestorePoints[/{id}]},
 * {@code /api/backupFiles[/{id}]}, {@code /api/agents/discoveredComputers[/{id}]} (references, or entities with
 * {@code ?format=Entity}), and the actions {@code POST /api/vmRestorePoints/{id}?action=restore} and {@code POST
 * /api/backupServers/{id}?action=quickbackup}.
 */
final class CatalogResource {

    private static final Pattern HIERARCHY_REF = Pattern.compile("urn:[A-Za-z]+:[A-Za-z]+:.+");
    private static final SpecBody.Member RESTORE_SPEC = SpecBody.Member.container("RestoreSpec",
            SpecBody.Member.container("VmRestoreSpec", SpecBody.Member.leaf("PowerOnAfterRestore"),
                    SpecBody.Member.leaf("QuickRollback"),
                    SpecBody.Member.leaf("KeepOriginalVM")),
            SpecBody.Member.container("vCloudVmRestoreSpec"),
            SpecBody.Member.container("vCloudVAppRestoreSpec"),
            SpecBody.Member.container("SqlItemRestoreSpec"));
    private static final SpecBody.Member QUICK_BACKUP_SPEC = SpecBody.Member.container("QuickBackupStartupSpec",
            SpecBody.Member.leaf("VmRef"));

    private final BackupCatalog catalog;
    private final CatalogDocuments documents;
    private final TaskRunner tasks;
    private final RestoreRunner restores;
    private final BackupSessionRunner runs;
    private final EmDocuments emDocuments;

    CatalogResource(BackupCatalog catalog, CatalogDocuments documents, TaskRunner tasks, RestoreRunner restores,
                    BackupSessionRunner runs,
                    EmDocuments emDocuments) {
        this.catalog = catalog;
        this.documents = documents;
        this.tasks = tasks;
        this.restores = restores;
        this.runs = runs;
        this.emDocuments = emDocuments;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/backupServers", Router.Access.SESSION, this::backupServers)
                .add("GET", "/api/backupServers/([^/]+)", Router.Access.SESSION, this::backupServer)
                .add("POST", "/api/backupServers/([^/]+)", Router.Access.SESSION, this::backupServerAction)
                .add("GET", "/api/backupServers/([^/]+)/repositories", Router.Access.SESSION, this::serverRepositories)
                .add("GET", "/api/repositories", Router.Access.SESSION, this::repositories)
                .add("GET", "/api/repositories/([^/]+)", Router.Access.SESSION, this::repository)
                .add("GET", "/api/backups", Router.Access.SESSION, this::backups)
                .add("GET", "/api/backups/([^/]+)", Router.Access.SESSION, this::backup)
                .add("GET", "/api/backups/([^/]+)/restorePoints", Router.Access.SESSION, this::backupRestorePoints)
                .add("GET", "/api/restorePoints", Router.Access.SESSION, this::restorePoints)
                .add("GET", "/api/restorePoints/([^/]+)", Router.Access.SESSION, this::restorePoint)
                .add("GET", "/api/restorePoints/([^/]+)/vmRestorePoints", Router.Access.SESSION, this::restorePointVms)
                .add("GET", "/api/vmRestorePoints", Router.Access.SESSION, this::vmRestorePoints)
                .add("GET", "/api/vmRestorePoints/([^/]+)", Router.Access.SESSION, this::vmRestorePoint)
                .add("POST", "/api/vmRestorePoints/([^/]+)", Router.Access.SESSION, this::vmRestorePointAction)
                .add("GET", "/api/backupFiles", Router.Access.SESSION, this::backupFiles)
                .add("GET", "/api/backupFiles/([^/]+)", Router.Access.SESSION, this::backupFile)
                .add("GET", "/api/agents/discoveredComputers", Router.Access.SESSION, this::computers)
                .add("GET", "/api/agents/discoveredComputers/([^/]+)", Router.Access.SESSION, this::computer);
    }

    /**
     * The object a path names: a bare GUID or {@code urn:veeam:<urnType>:<guid>}.
     *
     * @throws SimError 400 if malformed, 404 if unknown
     */
    static <T> T require(String pathId, String urnType, String what, Function<String, Optional<T>> finder) {
        String id = Ids.entityGuid(pathId, urnType).orElseThrow(() -> new SimError(
                400, "Invalid " + what + " id [" + pathId
                     + "]: expected a GUID or urn:veeam:" + urnType + ":<GUID>."));
        return finder.apply(id).orElseThrow(() -> new SimError(404, capitalised(what) + " [" + id + "] was not found."));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static <T> SimResponse listOrEntities(
            SimRequest request, List<T> items, Function<T, EmElement> reference, Function<List<T>, EmElement> entities) {
        boolean asEntities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, asEntities ? entities.apply(items) : CatalogDocuments.references(items, reference));
    }

    static <T> SimResponse oneOrEntity(
            SimRequest request, T item, Function<T, EmElement> reference, Function<T, EmElement> entity) {
        return SimResponse.of(200, request.wantsEntities("Entity", "Ref") ? entity.apply(item) : reference.apply(item));
    }

    // --- backup server

    private SimResponse backupServers(SimRequest request) {
        boolean asEntities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, asEntities
                ? documents.backupServers()
                : CatalogDocuments.references(List.of(EmLinks.BACKUP_SERVER_ID), id -> documents.backupServerReference("Ref")));
    }

    private String requireServer(SimRequest request) {
        return require(request.pathParam(0), "BackupServer", "backup server",
                id -> id.equals(EmLinks.BACKUP_SERVER_ID) ? Optional.of(id) : Optional.empty());
    }

    private SimResponse backupServer(SimRequest request) {
        requireServer(request);
        return SimResponse.of(200, request.wantsEntities("Entity", "Ref")
                ? documents.backupServer() : documents.backupServerReference("EntityRef"));
    }

    private SimResponse serverRepositories(SimRequest request) {
        requireServer(request);
        return listOrEntities(request, catalog.repositories(), r -> documents.repositoryReference(r, "Ref"),
                documents::repositories);
    }

    private SimResponse backupServerAction(SimRequest request) {
        requireServer(request);
        String action = request.queryParam("action");
        if (action == null || !action.toLowerCase(Locale.ROOT).equals("quickbackup")) {
            throw new SimError(
                    400, (action == null ? "Action is not specified" : "Unknown action [" + action + "]")
                         + ": expected ?action=quickbackup.");
        }
        SpecBody spec = SpecBody.read(request, QUICK_BACKUP_SPEC);
        String vmRef = spec.requiredText("VmRef").strip();
        if (!HIERARCHY_REF.matcher(vmRef).matches()) {
            throw new SimError(
                    400, "VmRef [" + vmRef + "] is not a hierarchy object reference: expected urn:<Platform>:<Type>:<id>.");
        }
        SimTask task = tasks.start(request.session(), "QuickBackup", () -> quickBackup(vmRef));
        return SimResponse.of(202, emDocuments.task(task));
    }

    /** An incremental run of the job that includes the VM, processing that VM only. */
    private SimTask.Result quickBackup(String vmRef) {
        Optional<SimJob> job = catalog.jobIncluding(vmRef);
        if (job.isEmpty()) {
            return new SimTask.Result(
                    false, "Cannot start quick backup of [" + vmRef + "]: the VM is not processed by any backup job.");
        }
        SimInclude include
                = job.get().getIncludes().stream().filter(i -> i.getHierarchyObjRef().equalsIgnoreCase(vmRef)).findFirst()
                        .orElseThrow();
        BackupSessionStore.Start start = runs.startRun(job.get());
        if (start.session() == null) {
            return new SimTask.Result(false, start.refusal());
        }
        SimBackupSession session = start.session();
        catalog.setSessionVms(session.getId(),
                List.of(new BackupCatalog.SessionVm(include.getHierarchyObjRef(), include.getName())));
        return new SimTask.Result(
                true, "Ok", List.of(new SimTask.Related(
                        "BackupJobSession", "/backupSessions/" + session.getId()
                                            + "?format=Entity",
                        EmTime.sessionName(session.getJobName(), session.getCreationTime()))));
    }

    // --- repositories

    private SimResponse repositories(SimRequest request) {
        return listOrEntities(request, catalog.repositories(), r -> documents.repositoryReference(r, "Ref"),
                documents::repositories);
    }

    private SimResponse repository(SimRequest request) {
        BackupCatalog.Repository repository = require(request.pathParam(0), "Repository", "repository", catalog::repository);
        return oneOrEntity(request, repository, r -> documents.repositoryReference(r, "EntityRef"), documents::repository);
    }

    // --- backups and restore points

    private SimResponse backups(SimRequest request) {
        return listOrEntities(request, catalog.backups(), b -> documents.backupReference(b, "Ref"), documents::backups);
    }

    private SimResponse backup(SimRequest request) {
        BackupCatalog.Backup backup = require(request.pathParam(0), "Backup", "backup", catalog::backup);
        return oneOrEntity(request, backup, b -> documents.backupReference(b, "EntityRef"), documents::backup);
    }

    private SimResponse backupRestorePoints(SimRequest request) {
        BackupCatalog.Backup backup = require(request.pathParam(0), "Backup", "backup", catalog::backup);
        return listOrEntities(request, catalog.restorePointsOf(backup), p -> documents.restorePointReference(p, "Ref"),
                documents::restorePoints);
    }

    private SimResponse restorePoints(SimRequest request) {
        return listOrEntities(request, catalog.restorePoints(), p -> documents.restorePointReference(p, "Ref"),
                documents::restorePoints);
    }

    private SimResponse restorePoint(SimRequest request) {
        BackupCatalog.RestorePoint point
                = require(request.pathParam(0), "RestorePoint", "restore point", catalog::restorePoint);
        return oneOrEntity(request, point, p -> documents.restorePointReference(p, "EntityRef"), documents::restorePoint);
    }

    private SimResponse restorePointVms(SimRequest request) {
        BackupCatalog.RestorePoint point
                = require(request.pathParam(0), "RestorePoint", "restore point", catalog::restorePoint);
        return listOrEntities(request, catalog.vmRestorePoints(point), p -> documents.vmRestorePointReference(p, "Ref"),
                documents::vmRestorePoints);
    }

    private SimResponse vmRestorePoints(SimRequest request) {
        return listOrEntities(request, catalog.vmRestorePoints(), p -> documents.vmRestorePointReference(p, "Ref"),
                documents::vmRestorePoints);
    }

    private BackupCatalog.VmRestorePoint requireVmRestorePoint(SimRequest request) {
        return require(request.pathParam(0), "VmRestorePoint", "VM restore point", catalog::vmRestorePoint);
    }

    private SimResponse vmRestorePoint(SimRequest request) {
        return oneOrEntity(request, requireVmRestorePoint(request), p -> documents.vmRestorePointReference(p, "EntityRef"),
                documents::vmRestorePoint);
    }

    /** Full VM restore to the original location; an empty body restores with the defaults (as CloudStack sends it). */
    private SimResponse vmRestorePointAction(SimRequest request) {
        BackupCatalog.VmRestorePoint point = requireVmRestorePoint(request);
        String action = request.queryParam("action");
        if (action == null || !action.equalsIgnoreCase("restore")) {
            throw new SimError(
                    400, (action == null ? "Action is not specified" : "Unknown action [" + action + "]")
                         + ": expected ?action=restore.");
        }
        if (!request.body().isBlank()) {
            checkRestoreSpec(SpecBody.read(request, RESTORE_SPEC));
        }
        SimTask task = tasks.start(request.session(), "StartVMRestore", () -> {
            SimRestoreSession session = restores.start(point);
            return new SimTask.Result(
                    true, "Ok", List.of(new SimTask.Related(
                            "RestoreSession", "/restoreSessions/" + session.getId()
                                              + "?format=Entity",
                            SessionDetailDocuments.restoreSessionName(session))));
        });
        return SimResponse.of(202, emDocuments.task(task));
    }

    private static void checkRestoreSpec(SpecBody spec) {
        for (String other : List.of("vCloudVmRestoreSpec", "vCloudVAppRestoreSpec", "SqlItemRestoreSpec")) {
            if (spec.container(other).isPresent()) {
                throw new SimError(
                        400, "RestoreSpec/" + other + " cannot restore a VMware VM restore point: send a VmRestoreSpec.");
            }
        }
        SpecBody vm = spec.requiredContainer("VmRestoreSpec");
        boolean quickRollback = bool(vm, "QuickRollback", true);
        bool(vm, "PowerOnAfterRestore", true);
        if (bool(vm, "KeepOriginalVM", false) && quickRollback) {
            throw new SimError(400, "RestoreSpec/VmRestoreSpec/KeepOriginalVM must be false when QuickRollback is true.");
        }
    }

    private static boolean bool(SpecBody spec, String name, boolean required) {
        Optional<String> text = required ? Optional.of(spec.requiredText(name)) : spec.text(name);
        return text.map(value -> switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new SimError(400, "RestoreSpec/VmRestoreSpec/" + name + " must be true or false, not [" + value + "].");
        }).orElse(false);
    }

    // --- backup files

    private SimResponse backupFiles(SimRequest request) {
        return listOrEntities(request, catalog.backupFiles(), p -> documents.backupFileReference(p, "Ref"),
                documents::backupFiles);
    }

    private SimResponse backupFile(SimRequest request) {
        BackupCatalog.VmRestorePoint point = require(request.pathParam(0), "BackupFile", "backup file", catalog::backupFile);
        return oneOrEntity(request, point, p -> documents.backupFileReference(p, "EntityRef"), documents::backupFile);
    }

    // --- discovered computers

    private SimResponse computers(SimRequest request) {
        return listOrEntities(request, catalog.computers(), c -> documents.computerReference(c, "Ref"), documents::computers);
    }

    private SimResponse computer(SimRequest request) {
        BackupCatalog.DiscoveredComputer computer = require(request.pathParam(0), "DiscoveredComputer", "discovered computer",
                catalog::computer);
        return oneOrEntity(request, computer, c -> documents.computerReference(c, "EntityRef"), documents::computer);
    }
}
