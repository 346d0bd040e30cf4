package dev.camelveeam.veeamem;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.internal.Echo;

/**
 * The EM REST operations of the {@code veeam-em} component. Operations that EM answers with {@code 202 Accepted} and a
 * task end with the final Task as the body.
 */
public enum VeeamEmOperation {

    /** {@code GET /jobs/{jobId}/includes}: the job's objects, a {@code List<ObjectInJob>}. */
    listIncludes,
    /** {@code GET /jobs/{jobId}/includes/{includeId}}: one {@code ObjectInJob}. */
    getInclude,
    /** {@code POST /jobs/{jobId}/includes}: adds a VM or container to a job; final Task. */
    addInclude,
    /** {@code DELETE /jobs/{jobId}/includes/{includeId}}: removes a VM or container from a job; final Task. */
    removeInclude,
    /** {@code GET /jobs?format=Entity}: every job, a {@code List<Job>}. */
    listJobs,
    /** {@code GET /jobs/{jobId}?format=Entity}: one {@code Job}. */
    getJob,
    /** {@code POST /jobs/{jobId}?action=start}: final Task. */
    startJob,
    /** {@code POST /jobs/{jobId}?action=stop}: final Task. */
    stopJob,
    /** {@code POST /jobs/{jobId}?action=retry}: final Task (only for a job whose last run failed). */
    retryJob,
    /** {@code POST /jobs/{jobId}?action=toggleScheduleEnabled}: final Task. */
    toggleScheduleEnabled,
    /** {@code POST /jobs/{jobId}?action=clone}: final Task, whose Related link names the new job. */
    cloneJob,
    /** {@code GET /tasks/{taskId}}: one {@code Task} of the component's logon session, as it is now. */
    getTask,
    /** {@code DELETE /tasks/{taskId}}: stops a task; the body is empty. */
    cancelTask,
    /** {@code GET /hierarchyRoots}: the managed servers, a {@code List<EntityRef>}. */
    listHierarchyRoots,
    /** {@code GET /lookup}: hierarchy objects of a type and name in a hierarchy root, a {@code List<HierarchyItem>}. */
    lookup,
    /** {@code GET /query?type=BackupJobSession}: backup sessions matching the filter options, every page read. */
    listBackupSessions,
    /** {@code GET /backupSessions/{id}?format=Entity}: one {@code BackupJobSession}. */
    getBackupSession,
    /** {@code GET /backupSessions/{id}/taskSessions?format=Entity}: the session's per-VM {@code BackupTaskSession}s. */
    listTaskSessions,
    /** {@code POST /backupSessions/{id}?action=stop}: final Task. */
    stopBackupSession,
    /** {@code GET /backupServers?format=Entity}: the backup servers, a {@code List<BackupServer>}. */
    listBackupServers,
    /** {@code GET /repositories?format=Entity} (or one backup server's): a {@code List<Repository>}. */
    listRepositories,
    /** {@code GET /repositories/{id}?format=Entity}: one {@code Repository}. */
    getRepository,
    /** {@code GET /reports/summary/...}: one summary report, typed per report. */
    getReport,
    /** {@code GET /backups?format=Entity}: a {@code List<Backup>}. */
    listBackups,
    /** {@code GET /restorePoints?format=Entity} (or one backup's): a {@code List<RestorePoint>}. */
    listRestorePoints,
    /**
     * {@code GET /vmRestorePoints?format=Entity}, or one VM's by name, newest first: a {@code List<VmRestorePoint>}.
     */
    listVmRestorePoints,
    /** {@code GET /vmRestorePoints/{id}?format=Entity}, or a VM's newest restore point: one {@code VmRestorePoint}. */
    getVmRestorePoint,
    /**
     * {@code POST /vmRestorePoints/{id}?action=restore}: the task, then the restore session it started, polled until it
     * ended; the ended {@code RestoreSession}.
     */
    restoreVm,
    /**
     * {@code POST /backupServers/{id}?action=quickbackup}: the task, then the {@code BackupJobSession} it started
     * (ended, with waitForSession).
     */
    quickBackup;

    /**
     * Parses an operation name as written in an endpoint URI or in the {@link VeeamEmConstants#OPERATION} header,
     * failing with a message that lists the supported names.
     */
    public static VeeamEmOperation fromName(String name, String source) {
        for (VeeamEmOperation operation : values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException(
                "Unknown veeam-em operation '" + Echo.quote(name) + "' in " + source + "; supported operations: "
                                           + supportedNames()
                                           + " (and " + VeeamEmEndpoint.CONSUMER + ", the consumer, in from())");
    }

    private static String supportedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
