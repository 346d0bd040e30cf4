package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.List;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/** Jobs as references ({@code Ref}, {@code EntityRef}) and as {@code Job} entities. */
final class JobDocuments {

    private final EmLinks links;
    private final EmDocuments documents;

    JobDocuments(EmLinks links, EmDocuments documents) {
        this.links = links;
        this.documents = documents;
    }

    /** @param element {@code Ref} in lists, {@code EntityRef} alone */
    EmElement reference(SimJob job, String element) {
        String path = "/jobs/" + job.getId();
        return EmLinks.reference(element, Ids.uid("Job", job.getId()), job.getName(), links.href(path), "JobReference", links(
                links.backupServerUp(),
                link("Alternate", links.href(path + "?format=Entity"), "Job", job.getName()),
                link("Down", links.href(path + "/backupSessions"), "BackupJobSessionReferenceList", null)));
    }

    EmElement references(List<SimJob> jobs) {
        return EmLinks.list("EntityReferences", "Refs", jobs.stream().map(job -> reference(job, "Ref")).toList());
    }

    EmElement job(SimJob job) {
        String path = "/jobs/" + job.getId();
        return EmElement.of("Job")
                .child(links(
                        links.backupServerUp(),
                        link("Alternate", links.href(path), "JobReference", job.getName()),
                        link("Edit", links.href(path + "?action=edit"), "Job", job.getName()),
                        link("Clone", links.href(path + "?action=clone"), "JobCloneSpec", job.getName()),
                        link("ToggleScheduleEnabled", links.href(path + "?action=toggleScheduleEnabled"), null, null),
                        link("Down", links.href(path + "/includes"), "ObjectInJobList", null),
                        link("Down", links.href(path + "/backupSessions"), "BackupJobSessionReferenceList", null),
                        link("Create", links.href(path + "/includes"), "ObjectInJob", null),
                        link("Start", links.href(path + "?action=start"), null, null),
                        link("Stop", links.href(path + "?action=stop"), null, null),
                        link("Retry", links.href(path + "?action=retry"), null, null)))
                .child(EmElement.leaf("JobType", "Backup"))
                .child(EmElement.leaf("Platform", "VMware"))
                .child(EmElement.leaf("Description", job.getDescription()))
                .child(EmElement.leaf("ScheduleConfigured", true))
                .child(EmElement.leaf("ScheduleEnabled", job.isScheduleEnabled()))
                .child(EmElement.leaf("NextRun", job.nextRun(Instant.now()).map(EmTime::format).orElse(null)))
                .child(EmElement.absent("JobScheduleOptions"))
                .child(EmElement.of("JobInfo")
                        .child(EmElement.of("BackupJobInfo")
                                .child(documents.objectsInJob(job, "Includes"))
                                .child(EmElement.absent("GuestProcessingOptions"))
                                .child(EmElement.absent("AdvancedStorageOptions")))
                        .child(EmElement.absent("FileCopyJobInfo"))
                        .child(EmElement.absent("ReplicaJobInfo")))
                .attr("Href", links.href(path + "?format=Entity"))
                .attr("Type", "Job")
                .attr("Name", job.getName())
                .attr("UID", Ids.uid("Job", job.getId()))
                .jsonOrder(
                        EmLinks.entityJsonOrder("JobType", "Platform", "Description", "ScheduleConfigured", "ScheduleEnabled",
                                "NextRun", "JobScheduleOptions", "JobInfo"));
    }

    EmElement jobs(List<SimJob> jobs) {
        return EmLinks.list("Jobs", "Jobs", jobs.stream().map(this::job).toList());
    }
}
