package dev.camelveeam.veeamem.simulator;

import java.util.List;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/** Backup sessions as references and as {@code BackupJobSession} entities. */
final class BackupSessionDocuments {

    private final EmLinks links;

    BackupSessionDocuments(EmLinks links) {
        this.links = links;
    }

    /** @param element {@code Ref} in lists, {@code EntityRef} alone */
    EmElement reference(SimBackupSession session, String element) {
        String path = "/backupSessions/" + session.getId();
        String name = name(session);
        return EmLinks.reference(element, Ids.uid("BackupJobSession", session.getId()), name, links.href(path),
                "BackupJobSessionReference", links(
                        links.backupServerUp(),
                        jobUp(session),
                        link("Alternate", links.href(path + "?format=Entity"), "BackupJobSession", name)));
    }

    EmElement references(List<SimBackupSession> sessions) {
        return EmLinks.list("EntityReferences", "Refs", sessions.stream().map(s -> reference(s, "Ref")).toList());
    }

    EmElement session(SimBackupSession session) {
        String path = "/backupSessions/" + session.getId();
        String name = name(session);
        SimBackupSession.Status status = session.status();
        return EmElement.of("BackupJobSession")
                .child(links(
                        links.backupServerUp(),
                        jobUp(session),
                        link("Alternate", links.href(path), "BackupJobSessionReference", name),
                        link("Down", links.href(path + "/taskSessions"), "BackupTaskSessionReferenceList", null)))
                .child(EmElement.leaf("JobUid", Ids.uid("Job", session.getJobId())))
                .child(EmElement.leaf("JobName", session.getJobName()))
                .child(EmElement.leaf("JobType", "Backup"))
                .child(EmElement.leaf("CreationTimeUTC", EmTime.format(session.getCreationTime())))
                .child(EmElement.leaf("EndTimeUTC", status.endTime() == null ? null : EmTime.format(status.endTime())))
                .child(EmElement.leaf("State", status.state().name()))
                .child(EmElement.leaf("Result", status.result().name()))
                .child(EmElement.leaf("Progress", status.progress()))
                .child(EmElement.emptyWhenNull("FailureMessage", status.failureMessage()))
                .child(EmElement.leaf("IsRetry", session.isRetry()))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "BackupJobSession")
                .attr("Name", name)
                .attr("UID", Ids.uid("BackupJobSession", session.getId()))
                .jsonOrder(EmLinks.entityJsonOrder("IsRetry", "JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC",
                        "State",
                        "Result", "Progress", "FailureMessage"));
    }

    EmElement sessions(List<SimBackupSession> sessions) {
        return EmLinks.list("BackupJobSessions", "BackupJobSessions", sessions.stream().map(this::session).toList());
    }

    private EmElement jobUp(SimBackupSession session) {
        return link("Up", links.href("/jobs/" + session.getJobId()), "JobReference", session.getJobName());
    }

    private static String name(SimBackupSession session) {
        return EmTime.sessionName(session.getJobName(), session.getCreationTime());
    }
}
