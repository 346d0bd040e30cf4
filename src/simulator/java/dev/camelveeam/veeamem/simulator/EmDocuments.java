package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.List;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/**
 * The shape of the session, task, include and error resources as {@link EmElement} trees: element order follows the XSD
 * sequences, hrefs are absolute.
 */
final class EmDocuments {

    static final List<String> SUPPORTED_VERSIONS = List.of("v1_5", "v1_6", "v1_7");

    private final EmLinks links;

    EmDocuments(EmLinks links) {
        this.links = links;
    }

    EmElement enterpriseManager() {
        EmElement versions = EmElement.of("SupportedVersions").jsonWrappedArray("SupportedVersions");
        for (String version : SUPPORTED_VERSIONS) {
            versions.child(EmElement.of("SupportedVersion")
                    .child(links(link("Create", links.href("/sessionMngr/?v=" + version), "LogonSession", null)))
                    .attr("Name", version));
        }
        return EmElement.of("EnterpriseManager")
                .child(links(
                        link("Down", links.href("/logonSessions"), "LogonSessionList", null),
                        link("Create", links.href("/sessionMngr/?v=latest"), "LogonSession", null)))
                .child(versions)
                .attr("Href", links.href("/"))
                .attr("Type", "EnterpriseManager");
    }

    EmElement logonSession(SimSession session) {
        String href = links.href("/logonSessions/" + session.sessionId());
        return EmElement.of("LogonSession")
                .child(links(
                        link("Up", links.href("/"), "EnterpriseManager", null),
                        link("Down", links.href("/backupServers"), "BackupServerReferenceList", null),
                        link("Down", links.href("/jobs"), "JobReferenceList", null),
                        link("Down", links.href("/repositories"), "RepositoryReferenceList", null),
                        link("Down", links.href("/backups"), "BackupReferenceList", null),
                        link("Down", links.href("/restorePoints"), "RestorePointReferenceList", null),
                        link("Down", links.href("/vmRestorePoints"), "VmRestorePointReferenceList", null),
                        link("Down", links.href("/replicaSessions"), "ReplicaJobSessionReferenceList", null),
                        link("Down", links.href("/restoreSessions"), "RestoreSessionReferenceList", null),
                        link("Down", links.href("/backupTaskSessions"), "BackupTaskSessionReferenceList", null),
                        link("Down", links.href("/agents/discoveredComputers"), "DiscoveredComputerReferenceList", null),
                        link("Down", links.href("/reports/summary"), "Report", "Summary"),
                        link("Down", links.href("/backupSessions"), "BackupJobSessionReferenceList", null),
                        link("Down", links.href("/hierarchyRoots"), "HierarchyRootReferenceList", null),
                        link("Down", links.href("/tasks"), "TaskList", null),
                        link("Down", links.href("/logonSessions"), "LogonSessionList", null),
                        link("Delete", href, null, null)))
                .child(EmElement.leaf("UserName", session.userName()))
                .child(EmElement.leaf("SessionId", session.sessionId()))
                .attr("Href", href)
                .attr("Type", "LogonSession");
    }

    EmElement logonSessions(List<SimSession> sessions) {
        return EmLinks.list("LogonSessions", "LogonSessions", sessions.stream().map(this::logonSession).toList());
    }

    EmElement task(SimTask task) {
        String href = links.href("/tasks/" + task.id());
        SimTask.Status status = task.status();
        List<EmElement> taskLinks = new ArrayList<>(List.of(link("Delete", href, "Task", null)));
        if (status.result() != null) {
            status.result().related().forEach(r -> taskLinks.add(link("Related", links.href(r.path()), r.type(), r.name())));
        }
        return EmElement.of("Task")
                .child(links(taskLinks))
                .child(EmElement.leaf("TaskId", task.id()))
                .child(EmElement.leaf("State", status.state().name()))
                .child(EmElement.leaf("Operation", task.operation()))
                .child(status.result() == null ? EmElement.absent("Result") : result(status.result()))
                .attr("Href", href)
                .attr("Type", "Task");
    }

    EmElement tasks(List<SimTask> tasks) {
        return EmLinks.list("Tasks", "Tasks", tasks.stream().map(this::task).toList());
    }

    EmElement objectInJob(SimJob job, SimInclude include) {
        String href = links.href("/jobs/" + job.getId() + "/includes/" + include.getId());
        return EmElement.of("ObjectInJob")
                .child(links(
                        link("Delete", href, null, null),
                        link("Up", links.href("/jobs/" + job.getId() + "?format=Entity"), "Job", job.getName())))
                .child(EmElement.leaf("ObjectInJobId", include.getId()))
                .child(EmElement.leaf("HierarchyObjRef", include.getHierarchyObjRef()))
                .child(EmElement.leaf("Name", include.getName()))
                .child(EmElement.leaf("DisplayName", include.getName()))
                .child(guestProcessingOptions())
                .attr("Href", href)
                .attr("Type", "ObjectInJob");
    }

    /** {@code ObjectsInJob}, or the same list under another element name (a job's {@code Includes}). */
    EmElement objectsInJob(SimJob job, String element) {
        return EmLinks.list(element, "ObjectInJobs",
                job.getIncludes().stream().map(include -> objectInJob(job, include)).toList());
    }

    EmElement objectsInJob(SimJob job) {
        return objectsInJob(job, "ObjectsInJob");
    }

    static EmElement error(int statusCode, String message) {
        return EmElement.of("Error")
                .child(EmElement.absent("FirstChanceExceptionMessage"))
                .child(EmElement.absent("StackTrace"))
                .attr("Message", message)
                .attr("StatusCode", statusCode)
                .attr("Status", statusName(statusCode))
                .jsonKeysSorted();
    }

    /**
     * The reason phrase without spaces, as .NET's {@code HttpStatusCode} names it; like .NET's enum, a code without a
     * name prints as its number.
     */
    private static String statusName(int statusCode) {
        return switch (statusCode) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 408 -> "RequestTimeout";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalServerError";
            case 501 -> "NotImplemented";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> Integer.toString(statusCode);
        };
    }

    private static EmElement result(SimTask.Result result) {
        return EmElement.of("Result")
                .child(EmElement.leaf("Message", result.message()))
                .attr("Success", result.success())
                .attr("CredentialsNeeded", false, false)
                .attr("ConfirmationNeeded", false, false);
    }

    /** A new include's options: guest processing off, every other (optional) member absent. */
    private static EmElement guestProcessingOptions() {
        return EmElement.of("GuestProcessingOptions")
                .child(EmElement.absent("AppAwareProcessingMode"))
                .child(EmElement.absent("FileSystemIndexingMode"))
                .child(EmElement.absent("IncludedIndexingFolders"))
                .child(EmElement.absent("ExcludedIndexingFolders"))
                .child(EmElement.absent("CredentialsId"))
                .child(EmElement.of("VssSnapshotOptions")
                        .child(EmElement.leaf("VssSnapshotMode", "Disabled"))
                        .child(EmElement.leaf("IsCopyOnly", false)))
                .child(EmElement.absent("WindowsGuestFSIndexingOptions"))
                .child(EmElement.absent("LinuxGuestFSIndexingOptions"))
                .child(EmElement.absent("SqlBackupOptions"))
                .child(EmElement.absent("WindowsCredentialsId"))
                .child(EmElement.absent("LinuxCredentialsId"))
                .child(EmElement.absent("FSFileExcludeOptions"))
                .child(EmElement.absent("OracleBackupOptions"));
    }
}
