package dev.camelveeam.veeamem;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.internal.Echo;

/**
 * The EM REST operations of the {@code veeam-em} component. Operations that EM answers with {@code 202 Accepted}
 * and a task end with the final Task as the body.
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
    getBackupSession;

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
                "Unknown veeam-em operation '" + Echo.quote(name) + "' in " + source + "; supported operations: " + supportedNames()
                                           + " (and " + VeeamEmEndpoint.CONSUMER + ", the consumer, in from())");
    }

    private static String supportedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
