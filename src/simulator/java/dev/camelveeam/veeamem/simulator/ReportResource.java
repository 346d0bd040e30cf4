package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.camelveeam.veeamem.simulator.EmLinks.link;
import static dev.camelveeam.veeamem.simulator.EmLinks.links;

/**
 * The summary reports
 * {@code GET /api/reports/summary[/overview|/vms_overview|/job_statistics|/processed_vms|/repository]}, computed on
 * every request from the jobs, backup and replica sessions, restore points and repositories, so they add up with what
 * the other resources show. See docs/simulator.md for the definitions.
 */
final class ReportResource {

    static final String PROTECTED_VMS_REPORT_LINK
            = "Workspace/ViewReport.aspx?definition=8a56d84f-6b37-4d3c-9c0f-3a1e2b7d5c90&ShowParams=1";
    static final String BACKUP_JOB_STATUS_REPORT_LINK
            = "Workspace/ViewReport.aspx?definition=7962844d-0b9e-4f3f-8d6c-5e2a1c3b4d70&ShowParams=1";
    static final String CAPACITY_PLANNING_REPORT_LINK
            = "Workspace/ViewReport.aspx?definition=62221565-102c-4ec8-851b-d61c03d972d1&ShowParams=1";
    static final Duration JOB_STATISTICS_WINDOW = Duration.ofHours(24);
    static final int PROCESSED_VMS_DAYS = 7;

    private final EmLinks links;
    private final JobStore jobs;
    private final BackupSessionStore backupSessions;
    private final BackupCatalog catalog;

    ReportResource(EmLinks links, JobStore jobs, BackupSessionStore backupSessions, BackupCatalog catalog) {
        this.links = links;
        this.jobs = jobs;
        this.backupSessions = backupSessions;
        this.catalog = catalog;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/reports/summary", Router.Access.SESSION, request -> SimResponse.of(200, summary()))
                .add("GET", "/api/reports/summary/overview", Router.Access.SESSION, request -> SimResponse.of(200, overview()))
                .add("GET", "/api/reports/summary/vms_overview", Router.Access.SESSION,
                        request -> SimResponse.of(200, vmsOverview()))
                .add("GET", "/api/reports/summary/job_statistics", Router.Access.SESSION,
                        request -> SimResponse.of(200, jobStatistics()))
                .add("GET", "/api/reports/summary/processed_vms", Router.Access.SESSION,
                        request -> SimResponse.of(200, processedVms()))
                .add("GET", "/api/reports/summary/repository", Router.Access.SESSION,
                        request -> SimResponse.of(200, repositoryReport()));
    }

    private EmElement summary() {
        return EmElement.of("SummaryReport")
                .child(links(
                        frameLink("overview", "Overview"),
                        frameLink("vms_overview", "VmsOverview"),
                        frameLink("job_statistics", "JobStatistics"),
                        frameLink("processed_vms", "ProcessedVms"),
                        frameLink("repository", "Repositories")))
                .attr("Href", links.href("/reports/summary"))
                .attr("Type", "SummaryReport");
    }

    private EmElement frameLink(String path, String name) {
        return link("Down", links.href("/reports/summary/" + path), "ReportFrame", name);
    }

    /**
     * A report frame without {@code Links} (JSON {@code null}), to which {@link #framed} adds its members' attributes.
     */
    private static EmElement frame(String element) {
        return EmElement.of(element).child(EmElement.absent("Links"));
    }

    /** {@code Href} and {@code Type} last, as the XSD requires them (docs/simulator.md, choice 81). */
    private EmElement framed(EmElement frame, String element, String path) {
        return frame.attr("Href", links.href("/reports/summary/" + path)).attr("Type", element);
    }

    // --- overview

    private EmElement overview() {
        int[] states = latestVmStates();
        return framed(frame("OverviewReportFrame")
                .child(EmElement.leaf("BackupServers", 1))
                .child(EmElement.leaf("ProxyServers", 1))
                .child(EmElement.leaf("RepositoryServers", catalog.repositories().size()))
                .child(EmElement.leaf("RunningJobs", runningJobs()))
                .child(EmElement.leaf("ScheduledJobs", scheduledBackupJobs() + scheduledReplicaJobs()))
                .child(EmElement.leaf("SuccessfulVmLastestStates", states[0]))
                .child(EmElement.leaf("WarningVmLastestStates", states[1]))
                .child(EmElement.leaf("FailedVmLastestStates", states[2])), "OverviewReportFrame", "overview");
    }

    /**
     * Per protected VM with a finished task session: the result of its latest one, counted as {Success, Warning,
     * Failed}.
     */
    private int[] latestVmStates() {
        int[] counts = new int[3];
        for (String vm : backupProtectedVms()) {
            catalog.taskSessions().stream()
                    .filter(t -> t.vm().ref().equalsIgnoreCase(vm))
                    .filter(t -> t.session().getState() == SimBackupSession.State.Stopped)
                    .max(Comparator.comparing((BackupCatalog.TaskSession t) -> t.session().getCreationTime()))
                    .ifPresent(t -> {
                        switch (t.session().getResult()) {
                            case Success -> counts[0]++;
                            case Warning -> counts[1]++;
                            case Failed -> counts[2]++;
                            case None -> {
                            }
                        }
                    });
        }
        return counts;
    }

    private int runningJobs() {
        return (int) jobs.all().stream()
                .filter(job -> backupSessions.ofJob(job.getId()).stream().anyMatch(SimBackupSession::isActive)).count();
    }

    private int scheduledBackupJobs() {
        return (int) jobs.all().stream().filter(SimJob::isScheduleEnabled).count();
    }

    private int scheduledReplicaJobs() {
        return catalog.replicaJobNames().size();
    }

    // --- VMs overview

    private EmElement vmsOverview() {
        List<BackupCatalog.VmRestorePoint> points = catalog.vmRestorePoints();
        Set<String> backupProtected = backupProtectedVms();
        Set<String> replicated = replicatedVms();
        Set<String> allProtected = new LinkedHashSet<>(backupProtected);
        allProtected.addAll(replicated);
        long backedUp = points.stream().map(p -> lower(p.task().vm().ref())).distinct().count();
        long full = points.stream().filter(p -> p.point().full()).mapToLong(BackupCatalog.VmRestorePoint::backupSize).sum();
        long incremental
                = points.stream().filter(p -> !p.point().full()).mapToLong(BackupCatalog.VmRestorePoint::backupSize).sum();
        long replicaSize = catalog.replicaSessions().stream().filter(ReportResource::productive)
                .flatMap(s -> s.vms().stream()).mapToLong(vm -> catalog.vmSize(vm.ref()) / 2).sum();
        long sourceSize = allProtected.stream().mapToLong(catalog::vmSize).sum();
        List<SimBackupSession> finished = backupSessions.all().stream().filter(s -> !s.isActive()).toList();
        long successful = finished.stream().filter(s -> s.getResult() == SimBackupSession.Result.Success).count();
        int successPercents = finished.isEmpty() ? 0 : (int) Math.round(100.0 * successful / finished.size());
        return framed(frame("VmsOverviewReportFrame")
                .child(EmElement.leaf("ProtectedVms", allProtected.size()))
                .child(EmElement.leaf("BackedUpVms", (int) backedUp))
                .child(EmElement.leaf("ReplicatedVms", replicated.size()))
                .child(EmElement.leaf("RestorePoints", points.size()))
                .child(EmElement.leaf("FullBackupPointsSize", full))
                .child(EmElement.leaf("IncrementalBackupPointsSize", incremental))
                .child(EmElement.leaf("ReplicaRestorePointsSize", replicaSize))
                .child(EmElement.leaf("SourceVmsSize", sourceSize))
                .child(EmElement.leaf("SuccessBackupPercents", successPercents))
                .child(EmElement.leaf("ProtectedVmsReportLink", PROTECTED_VMS_REPORT_LINK)), "VmsOverviewReportFrame",
                "vms_overview");
    }

    /** The VMs (references, lower case) included in the backup jobs. */
    private Set<String> backupProtectedVms() {
        return jobs.all().stream().flatMap(job -> job.getIncludes().stream()).map(i -> lower(i.getHierarchyObjRef()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<String> replicatedVms() {
        return catalog.replicaSessions().stream().filter(ReportResource::productive).flatMap(s -> s.vms().stream())
                .map(vm -> lower(vm.ref())).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean productive(BackupCatalog.ReplicaSession session) {
        return session.result() == SimBackupSession.Result.Success || session.result() == SimBackupSession.Result.Warning;
    }

    // --- job statistics

    /** One finished run in the window, backup or replica. */
    private record Run(String jobName, boolean replica, SimBackupSession.Result result, Duration length) {
    }

    private EmElement jobStatistics() {
        Instant since = Instant.now().minus(JOB_STATISTICS_WINDOW);
        List<Run> runs = Stream.concat(
                backupSessions.all().stream().filter(s -> !s.isActive() && !s.getCreationTime().isBefore(since))
                        .map(s -> new Run(
                                s.getJobName(), false, s.getResult(),
                                BackupCatalog.length(s.getCreationTime(), s.getEndTime()))),
                catalog.replicaSessions().stream().filter(s -> !s.creationTime().isBefore(since))
                        .map(s -> new Run(s.jobName(), true, s.result(), BackupCatalog.length(s.creationTime(), s.endTime()))))
                .toList();
        Optional<Run> longestBackup = runs.stream().filter(r -> !r.replica()).max(Comparator.comparing(Run::length));
        Optional<Run> longestReplica = runs.stream().filter(Run::replica).max(Comparator.comparing(Run::length));
        Optional<Run> longest = runs.stream().max(Comparator.comparing(Run::length));
        return framed(frame("JobStatisticsReportFrame")
                .child(EmElement.leaf("RunningJobs", runningJobs()))
                .child(EmElement.leaf("ScheduledJobs", scheduledBackupJobs() + scheduledReplicaJobs()))
                .child(EmElement.leaf("ScheduledBackupJobs", scheduledBackupJobs()))
                .child(EmElement.leaf("ScheduledReplicaJobs", scheduledReplicaJobs()))
                .child(EmElement.leaf("TotalJobRuns", runs.size()))
                .child(EmElement.leaf("SuccessfulJobRuns", count(runs, SimBackupSession.Result.Success)))
                .child(EmElement.leaf("WarningsJobRuns", count(runs, SimBackupSession.Result.Warning)))
                .child(EmElement.leaf("FailedJobRuns", count(runs, SimBackupSession.Result.Failed)))
                .child(EmElement.leaf("MaxJobDuration", seconds(longest)))
                .child(EmElement.leaf("MaxBackupJobDuration", seconds(longestBackup)))
                .child(EmElement.leaf("MaxReplicaJobDuration", seconds(longestReplica)))
                .child(EmElement.leaf("MaxDurationBackupJobName", longestBackup.map(Run::jobName).orElse("")))
                .child(EmElement.leaf("MaxDurationReplicaJobName", longestReplica.map(Run::jobName).orElse("")))
                .child(EmElement.leaf("BackupJobStatusReportLink", BACKUP_JOB_STATUS_REPORT_LINK)), "JobStatisticsReportFrame",
                "job_statistics");
    }

    private static int count(List<Run> runs, SimBackupSession.Result result) {
        return (int) runs.stream().filter(r -> r.result() == result).count();
    }

    private static int seconds(Optional<Run> run) {
        return run.map(r -> (int) r.length().toSeconds()).orElse(0);
    }

    // --- processed VMs

    private EmElement processedVms() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<EmElement> days = new ArrayList<>();
        for (int back = 0; back < PROCESSED_VMS_DAYS; back++) {
            Instant start = today.minusDays(back).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = start.plus(1, ChronoUnit.DAYS);
            long backedUp = catalog.vmRestorePoints().stream().filter(p -> within(p.point().time(), start, end))
                    .map(p -> lower(p.task().vm().ref())).distinct().count();
            long replicated = catalog.replicaSessions().stream().filter(ReportResource::productive)
                    .filter(s -> within(s.creationTime(), start, end)).flatMap(s -> s.vms().stream()).map(vm -> lower(vm.ref()))
                    .distinct().count();
            days.add(EmElement.of("Day")
                    .attr("Timestamp", EmTime.format(start))
                    .attr("ReplicatedVms", (int) replicated)
                    .attr("BackupedVms", (int) backedUp));
        }
        return framed(frame("ProcessedVmsReportFrame")
                .child(EmElement.of("Days").jsonArray().xmlInline().children(days)), "ProcessedVmsReportFrame",
                "processed_vms");
    }

    private static boolean within(Instant time, Instant start, Instant end) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    // --- repositories

    private EmElement repositoryReport() {
        List<EmElement> periods = catalog.repositories().stream().map(repository -> EmElement.of("Period")
                .child(EmElement.leaf("Name", repository.name()))
                .child(EmElement.leaf("Capacity", repository.capacity()))
                .child(EmElement.leaf("FreeSpace", catalog.freeSpace(repository)))
                .child(EmElement.leaf("BackupSize", catalog.backupSize(repository)))).toList();
        return framed(frame("RepositoryReportFrame")
                .child(EmElement.of("Periods").jsonArray().xmlInline().children(periods))
                .attr("CapacityPlanningReportLink", CAPACITY_PLANNING_REPORT_LINK)
                .jsonOrder(List.of("Periods", "CapacityPlanningReportLink")), "RepositoryReportFrame", "repository");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
