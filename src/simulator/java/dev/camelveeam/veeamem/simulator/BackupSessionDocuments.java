package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.ArrayList;
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
        return EmElement.of("BackupJobSession")
                .child(links(
                        links.backupServerUp(),
                        jobUp(session),
                        link("Alternate", links.href(path), "BackupJobSessionReference", name),
                        link("Down", links.href(path + "/taskSessions"), "BackupTaskSessionReferenceList", null)))
                .children(jobSessionMembers(Ids.uid("Job", session.getJobId()), session.getJobName(), "Backup",
                        session.getCreationTime(), session.status()))
                .child(EmElement.leaf("IsRetry", session.isRetry()))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "BackupJobSession")
                .attr("Name", name)
                .attr("UID", Ids.uid("BackupJobSession", session.getId()))
                .jsonOrder(jobSessionJsonOrder("IsRetry"));
    }

    /**
     * The members of EM's {@code JobSessionEntityType} (backup, replica and restore sessions), in the XSD's order: the
     * job that ran, when, its state and its outcome.
     */
    static List<EmElement> jobSessionMembers(
            String jobUid, String jobName, String jobType, Instant creationTime,
            SimJobSession.Status<?, ?> status) {
        return List.of(
                EmElement.leaf("JobUid", jobUid),
                EmElement.leaf("JobName", jobName),
                EmElement.leaf("JobType", jobType),
                EmElement.leaf("CreationTimeUTC", EmTime.format(creationTime)),
                EmElement.leaf("EndTimeUTC", status.endTime() == null ? null : EmTime.format(status.endTime())),
                EmElement.leaf("State", status.state().name()),
                EmElement.leaf("Result", status.result().name()),
                EmElement.leaf("Progress", status.progress()),
                EmElement.emptyWhenNull("FailureMessage", status.failureMessage()));
    }

    /** JSON order of a job session: its own members, then those of {@code JobSessionEntityType}, then the entity's. */
    static List<String> jobSessionJsonOrder(String... ownMembers) {
        List<String> members = new ArrayList<>(List.of(ownMembers));
        members.addAll(List.of("JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC", "State", "Result",
                "Progress", "FailureMessage"));
        return EmLinks.entityJsonOrder(members.toArray(String[]::new));
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
