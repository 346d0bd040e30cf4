package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/** Backup task sessions, replica job sessions and restore sessions, as references and as entities. */
final class SessionDetailDocuments {

    private final EmLinks links;
    private final BackupCatalog catalog;

    SessionDetailDocuments(EmLinks links, BackupCatalog catalog) {
        this.links = links;
        this.catalog = catalog;
    }

    // --- backup task sessions

    /** What a task session shows: derived from its job session's status. */
    record TaskStatus(String state, String result, String reason, long totalSize, boolean ended) {

        static TaskStatus of(BackupCatalog.TaskSession task) {
            SimJobSession.Status<SimBackupSession.State, SimBackupSession.Result> status = task.session().status();
            if (status.state() != SimBackupSession.State.Stopped) {
                return new TaskStatus("InProgress", SimBackupSession.Result.None.name(), null, task.vmSize(), false);
            }
            SimBackupSession.Result result = status.result();
            String reason = result == SimBackupSession.Result.Success ? null : status.failureMessage();
            return new TaskStatus(
                    "Completed", result.name(), reason, result == SimBackupSession.Result.Failed ? 0 : task.vmSize(), true);
        }
    }

    EmElement taskSessionReference(BackupCatalog.TaskSession task, String element) {
        String path = "/backupTaskSessions/" + task.id();
        return EmLinks.reference(element, Ids.uid("BackupTaskSession", task.id()), task.name(), links.href(path),
                "BackupTaskSessionReference",
                links(links.backupServerUp(), jobSessionUp(task),
                        link("Alternate", links.href(path + "?format=Entity"), "BackupTaskSession", task.name())));
    }

    EmElement taskSession(BackupCatalog.TaskSession task) {
        String path = "/backupTaskSessions/" + task.id();
        TaskStatus status = TaskStatus.of(task);
        Instant endTime = task.session().getEndTime();
        List<EmElement> taskLinks = new ArrayList<>(
                List.of(links.backupServerUp(), jobSessionUp(task),
                        link("Alternate", links.href(path), "BackupTaskSessionReference", task.name())));
        Optional<BackupCatalog.VmRestorePoint> point = catalog.vmRestorePointOf(task);
        point.ifPresent(p -> taskLinks
                .add(link("Related", links.href("/vmRestorePoints/" + p.id() + "?format=Entity"), "VmRestorePoint",
                        p.name())));
        return EmElement.of("BackupTaskSession")
                .child(links(taskLinks))
                .child(EmElement.leaf("JobSessionUid", Ids.uid("BackupJobSession", task.session().getId())))
                .child(EmElement.leaf("CreationTimeUTC", EmTime.format(task.session().getCreationTime())))
                .child(EmElement.leaf("EndTimeUTC", status.ended() ? EmTime.format(endTime) : null))
                .child(EmElement.leaf("State", status.state()))
                .child(EmElement.leaf("Result", status.result()))
                .child(EmElement.emptyWhenNull("Reason", status.reason()))
                .child(EmElement.leaf("TotalSize", status.totalSize()))
                .child(EmElement.leaf("VmUid", task.vm().ref()))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "BackupTaskSession")
                .attr("Name", task.name())
                .attr("UID", Ids.uid("BackupTaskSession", task.id()))
                .attr("VmDisplayName", task.vm().name())
                .jsonOrder(EmLinks.entityJsonOrder("JobSessionUid", "CreationTimeUTC", "EndTimeUTC", "State", "Result",
                        "Reason", "TotalSize",
                        "VmUid", "VmDisplayName"));
    }

    EmElement taskSessions(List<BackupCatalog.TaskSession> tasks) {
        return EmLinks.list("BackupTaskSessions", "BackupTaskSessions", tasks.stream().map(this::taskSession).toList());
    }

    private EmElement jobSessionUp(BackupCatalog.TaskSession task) {
        SimBackupSession session = task.session();
        return link("Up", links.href("/backupSessions/" + session.getId()), "BackupJobSessionReference",
                EmTime.sessionName(session.getJobName(), session.getCreationTime()));
    }

    // --- replica job sessions

    EmElement replicaSessionReference(BackupCatalog.ReplicaSession session, String element) {
        String path = "/replicaSessions/" + session.id();
        return EmLinks.reference(element, Ids.uid("ReplicaJobSession", session.id()), session.name(), links.href(path),
                "ReplicaJobSessionReference", links(links.backupServerUp(),
                        link("Alternate", links.href(path + "?format=Entity"), "ReplicaJobSession", session.name())));
    }

    EmElement replicaSession(BackupCatalog.ReplicaSession session) {
        String path = "/replicaSessions/" + session.id();
        SimJobSession.Status<SimBackupSession.State, SimBackupSession.Result> stopped = new SimJobSession.Status<>(
                SimBackupSession.State.Stopped, session.result(), session.endTime(),
                SimBackupSession.failureMessageOf(session.result()), 100);
        return EmElement.of("ReplicaJobSession")
                .child(links(links.backupServerUp(),
                        link("Alternate", links.href(path), "ReplicaJobSessionReference", session.name())))
                .children(BackupSessionDocuments.jobSessionMembers(Ids.uid("Job", session.jobId()), session.jobName(),
                        "Replica", session.creationTime(), stopped))
                .child(EmElement.leaf("IsRetry", false))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "ReplicaJobSession")
                .attr("Name", session.name())
                .attr("UID", Ids.uid("ReplicaJobSession", session.id()))
                .jsonOrder(BackupSessionDocuments.jobSessionJsonOrder("IsRetry"));
    }

    EmElement replicaSessions(List<BackupCatalog.ReplicaSession> sessions) {
        return EmLinks.list("ReplicaJobSessions", "ReplicaJobSessions", sessions.stream().map(this::replicaSession).toList());
    }

    // --- restore sessions

    static String restoreSessionName(SimRestoreSession session) {
        return EmTime.sessionName(session.getVmName(), session.getCreationTime());
    }

    EmElement restoreSessionReference(SimRestoreSession session, String element) {
        String path = "/restoreSessions/" + session.getId();
        String name = restoreSessionName(session);
        return EmLinks.reference(element, Ids.uid("RestoreSession", session.getId()), name, links.href(path),
                "RestoreSessionReference",
                links(links.backupServerUp(), link("Alternate", links.href(path + "?format=Entity"), "RestoreSession", name)));
    }

    EmElement restoreSession(SimRestoreSession session) {
        String path = "/restoreSessions/" + session.getId();
        String name = restoreSessionName(session);
        List<EmElement> sessionLinks = new ArrayList<>(
                List.of(links.backupServerUp(),
                        link("Alternate", links.href(path), "RestoreSessionReference", name)));
        catalog.vmRestorePoint(session.getVmRestorePointId()).ifPresent(point -> sessionLinks.add(link("Related",
                links.href("/vmRestorePoints/" + point.id()), "VmRestorePointReference", point.name())));
        return EmElement.of("RestoreSession")
                .child(links(sessionLinks))
                .children(BackupSessionDocuments.jobSessionMembers(Ids.uid("Job", session.getId()), name, "RestoreVm",
                        session.getCreationTime(), session.status()))
                .child(EmElement.leaf("RestoredObjRef", session.getVmRef()))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "RestoreSession")
                .attr("Name", name)
                .attr("UID", Ids.uid("RestoreSession", session.getId()))
                .attr("VmDisplayName", session.getVmName())
                .jsonOrder(BackupSessionDocuments.jobSessionJsonOrder("RestoredObjRef", "VmDisplayName"));
    }

    EmElement restoreSessions(List<SimRestoreSession> sessions) {
        return EmLinks.list("RestoreSessions", "RestoreSessions", sessions.stream().map(this::restoreSession).toList());
    }
}
