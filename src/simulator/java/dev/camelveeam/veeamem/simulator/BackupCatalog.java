package dev.camelveeam.veeamem.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the backup server holds besides jobs: repositories, replica sessions, restore sessions, discovered computers,
 * and the backups, restore points and task sessions that follow from the backup sessions.
 * <p>
 * Backups, restore points and task sessions are not stored: they are derived from the backup sessions on every read,
 * with ids derived from the session ids, so a job run started through the API makes new restore points and a report
 * always adds up from the same data. A session's VMs are fixed the first time they are needed (for seeded and started
 * sessions: the job's includes then; for a quick backup: the one VM).
 */
final class BackupCatalog {

    static final long GIB = 1024L * 1024 * 1024;
    /** Size of a VM whose size was not given. */
    static final long DEFAULT_VM_SIZE = 40 * GIB;

    /** A repository; {@code otherData} is what fills it besides the simulated backups. */
    record Repository(String id, String name, String kind, long capacity, long otherData) {
    }

    /** One VM a backup session processed. */
    record SessionVm(String ref, String name) {
    }

    /** A backup job session's processing of one VM (an EM {@code BackupTaskSession}). */
    record TaskSession(String id, SimBackupSession session, SessionVm vm, long vmSize) {

        String name() {
            return EmTime.sessionName(vm.name(), session.getCreationTime());
        }
    }

    /** A backup: the backup files of one job in its repository; exists once the job has a restore point. */
    record Backup(String id, String jobId, String jobName, Repository repository) {
    }

    /** One successful (or warning) run of a job: a restore point of its backup. {@code full}: the backup's first. */
    record RestorePoint(String id, Backup backup, SimBackupSession session, boolean full) {

        Instant time() {
            return session.getCreationTime();
        }
    }

    /** The point of one VM in a restore point; {@code backupSize} is what it takes in the repository. */
    record VmRestorePoint(String id, RestorePoint point, TaskSession task) {

        /** Every backup file's: the data halves when compressed, and a per-machine file has nothing to deduplicate. */
        static final double COMPRESS_RATIO = 2.0;
        static final double DEDUPLICATION_RATIO = 1.0;

        long backupSize() {
            return point.full() ? task.vmSize() / 2 : task.vmSize() / 20;
        }

        /** What the backup file holds before compression: the whole VM for a full, a tenth of it for an increment. */
        long dataSize() {
            return point.full() ? task.vmSize() : task.vmSize() / 10;
        }

        /** The file in its repository's folder for the job, as Veeam lays backups out. */
        String backupFilePath() {
            Repository repository = point.backup().repository();
            return repository.kind().startsWith("Windows")
                    ? "C:\\Backup\\" + point.backup().jobName() + "\\" + backupFileName()
                    : "/backups/" + point.backup().jobName() + "/" + backupFileName();
        }

        String name() {
            return EmTime.sessionName(task.vm().name(), point.time());
        }

        String backupFileId() {
            return derivedId("BackupFile", point.id(), task.vm().ref());
        }

        String backupFileName() {
            String ref = task.vm().ref();
            String objectRef = ref.substring(ref.lastIndexOf('.') + 1);
            return task.vm().name() + "." + objectRef + "D"
                   + EmTime.format(point.time()).replace(":", "").replaceAll("\\..*|Z", "")
                   + (point.full() ? ".vbk" : ".vib");
        }
    }

    /** A finished run of a replica job (replica jobs are not among the simulated jobs). */
    record ReplicaSession(String id, String jobId, String jobName, List<SessionVm> vms, Instant creationTime, Instant endTime,
            SimBackupSession.Result result) {

        String name() {
            return EmTime.sessionName(jobName, creationTime);
        }
    }

    /** A computer found by an agent protection group. */
    record DiscoveredComputer(String id, String name, String hostStatus, String agentVersion, String agentStatus,
            String osVersion,
            String ipAddress) {
    }

    private final JobStore jobs;
    private final BackupSessionStore backupSessions;
    private final List<Repository> repositories = new CopyOnWriteArrayList<>();
    private final Map<String, String> jobRepositories = new ConcurrentHashMap<>();
    private final Map<String, Long> vmSizes = new ConcurrentHashMap<>();
    private final Map<String, List<SessionVm>> sessionVms = new ConcurrentHashMap<>();
    private final List<ReplicaSession> replicaSessions = new CopyOnWriteArrayList<>();
    private final List<DiscoveredComputer> computers = new CopyOnWriteArrayList<>();
    private final Map<String, SimRestoreSession> restoreSessions = new ConcurrentHashMap<>();

    BackupCatalog(JobStore jobs, BackupSessionStore backupSessions) {
        this.jobs = jobs;
        this.backupSessions = backupSessions;
    }

    /** A GUID derived from a kind and keys: stable across runs, so derived objects keep their ids. */
    static String derivedId(String kind, String... keys) {
        return UUID
                .nameUUIDFromBytes(
                        (kind + ":" + String.join("|", keys).toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    // --- setup

    void addRepository(Repository repository) {
        repositories.add(repository);
    }

    void assignRepository(String jobId, String repositoryId) {
        jobRepositories.put(jobId, repositoryId);
    }

    void setVmSize(String vmRef, long size) {
        vmSizes.put(vmRef.toLowerCase(Locale.ROOT), size);
    }

    void addReplicaSession(ReplicaSession session) {
        replicaSessions.add(session);
    }

    void addComputer(DiscoveredComputer computer) {
        computers.add(computer);
    }

    void addRestoreSession(SimRestoreSession session) {
        restoreSessions.put(session.getId(), session);
    }

    /** Fixes the VMs a session processes (a quick backup: one VM), before anyone reads its task sessions. */
    void setSessionVms(String sessionId, List<SessionVm> vms) {
        sessionVms.put(sessionId, List.copyOf(vms));
    }

    void clearSessionData() {
        sessionVms.clear();
    }

    // --- reads

    long vmSize(String vmRef) {
        return vmSizes.getOrDefault(vmRef.toLowerCase(Locale.ROOT), DEFAULT_VM_SIZE);
    }

    List<Repository> repositories() {
        return repositories.stream().sorted(Comparator.comparing(Repository::id)).toList();
    }

    Optional<Repository> repository(String id) {
        return repositories.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The repository a job writes to: the one assigned, else the first one added. */
    Optional<Repository> repositoryOf(String jobId) {
        String id = jobRepositories.get(jobId);
        return id != null ? repository(id) : repositories.stream().findFirst();
    }

    /** Bytes the simulated backups take in the repository. */
    long backupSize(Repository repository) {
        return vmRestorePoints().stream().filter(p -> p.point().backup().repository().id().equals(repository.id()))
                .mapToLong(VmRestorePoint::backupSize).sum();
    }

    long freeSpace(Repository repository) {
        return Math.max(0, repository.capacity() - repository.otherData() - backupSize(repository));
    }

    /** The VMs the session processed: fixed by {@link #setSessionVms}, else the job's includes when first asked. */
    List<SessionVm> vmsOf(SimBackupSession session) {
        return sessionVms.computeIfAbsent(session.getId(), id -> jobs.find(session.getJobId())
                .map(job -> job.getIncludes().stream().map(i -> new SessionVm(i.getHierarchyObjRef(), i.getName())).toList())
                .orElse(List.of()));
    }

    List<TaskSession> taskSessions(SimBackupSession session) {
        return vmsOf(session).stream()
                .map(vm -> new TaskSession(
                        derivedId("BackupTaskSession", session.getId(), vm.ref()), session, vm, vmSize(vm.ref())))
                .sorted(Comparator.comparing(TaskSession::id))
                .toList();
    }

    /** Every task session, by id. */
    List<TaskSession> taskSessions() {
        return backupSessions.all().stream().flatMap(s -> taskSessions(s).stream())
                .sorted(Comparator.comparing(TaskSession::id)).toList();
    }

    Optional<TaskSession> taskSession(String id) {
        return taskSessions().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Backups of jobs that have restore points, by id. */
    List<Backup> backups() {
        return restorePoints().stream().map(RestorePoint::backup).distinct().sorted(Comparator.comparing(Backup::id)).toList();
    }

    Optional<Backup> backup(String id) {
        return backups().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Restore points of all backups, by id; the first of each backup (by time) is the full one. */
    List<RestorePoint> restorePoints() {
        List<SimBackupSession> productive = backupSessions.all().stream()
                .filter(s -> s.getState() == SimBackupSession.State.Stopped)
                .filter(s -> s.getResult() == SimBackupSession.Result.Success
                        || s.getResult() == SimBackupSession.Result.Warning)
                .sorted(Comparator.comparing(SimBackupSession::getCreationTime).thenComparing(SimBackupSession::getId))
                .toList();
        List<RestorePoint> points = new ArrayList<>();
        Map<String, Boolean> jobHasFull = new HashMap<>();
        for (SimBackupSession session : productive) {
            Optional<Repository> repository = repositoryOf(session.getJobId());
            if (repository.isEmpty() || vmsOf(session).isEmpty()) {
                continue;
            }
            Backup backup = new Backup(
                    derivedId("Backup", session.getJobId()), session.getJobId(), session.getJobName(), repository.get());
            boolean full = jobHasFull.putIfAbsent(session.getJobId(), true) == null;
            points.add(new RestorePoint(derivedId("RestorePoint", session.getId()), backup, session, full));
        }
        return points.stream().sorted(Comparator.comparing(RestorePoint::id)).toList();
    }

    Optional<RestorePoint> restorePoint(String id) {
        return restorePoints().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    List<RestorePoint> restorePointsOf(Backup backup) {
        return restorePoints().stream().filter(p -> p.backup().id().equals(backup.id())).toList();
    }

    List<VmRestorePoint> vmRestorePoints(RestorePoint point) {
        return taskSessions(point.session()).stream()
                .map(task -> new VmRestorePoint(
                        derivedId("VmRestorePoint", point.session().getId(), task.vm().ref()), point, task))
                .sorted(Comparator.comparing(VmRestorePoint::id))
                .toList();
    }

    /** Every VM restore point, by id. */
    List<VmRestorePoint> vmRestorePoints() {
        return restorePoints().stream().flatMap(p -> vmRestorePoints(p).stream())
                .sorted(Comparator.comparing(VmRestorePoint::id)).toList();
    }

    Optional<VmRestorePoint> vmRestorePoint(String id) {
        return vmRestorePoints().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The VM restore point whose backup file has this id (one backup file per VM restore point). */
    Optional<VmRestorePoint> backupFile(String id) {
        return vmRestorePoints().stream().filter(p -> p.backupFileId().equals(id)).findFirst();
    }

    /** Every backup file (as its VM restore point), by backup file id. */
    List<VmRestorePoint> backupFiles() {
        return vmRestorePoints().stream().sorted(Comparator.comparing(VmRestorePoint::backupFileId)).toList();
    }

    /** The VM restore point a task session made, if its session made a restore point. */
    Optional<VmRestorePoint> vmRestorePointOf(TaskSession task) {
        return vmRestorePoint(derivedId("VmRestorePoint", task.session().getId(), task.vm().ref()));
    }

    List<ReplicaSession> replicaSessions() {
        return replicaSessions.stream().sorted(Comparator.comparing(ReplicaSession::id)).toList();
    }

    Optional<ReplicaSession> replicaSession(String id) {
        return replicaSessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    List<SimRestoreSession> restoreSessions() {
        return restoreSessions.values().stream().sorted(Comparator.comparing(SimRestoreSession::getId)).toList();
    }

    Optional<SimRestoreSession> restoreSession(String id) {
        return Optional.ofNullable(restoreSessions.get(id));
    }

    List<DiscoveredComputer> computers() {
        return computers.stream().sorted(Comparator.comparing(DiscoveredComputer::id)).toList();
    }

    Optional<DiscoveredComputer> computer(String id) {
        return computers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The job (if any) that includes this VM reference (any letter case), first by name. */
    Optional<SimJob> jobIncluding(String vmRef) {
        return jobs.all().stream()
                .filter(job -> job.getIncludes().stream().anyMatch(i -> i.getHierarchyObjRef().equalsIgnoreCase(vmRef)))
                .findFirst();
    }

    /** The replica jobs (by name) that have sessions; every one counts as scheduled in the reports. */
    List<String> replicaJobNames() {
        return replicaSessions.stream().map(ReplicaSession::jobName).distinct().sorted().toList();
    }

    static Duration length(Instant start, Instant end) {
        return end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
