package dev.camelveeam.veeamem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import dev.camelveeam.veeamem.internal.Echo;
import org.apache.camel.Message;

/**
 * Reads an operation's parameters from the message headers, falling back to the endpoint's options, and checks them
 * before any request is sent. Errors name both the header and the option.
 */
final class ExchangeParameters {

    private static final Pattern GUID
            = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Message message;
    private final VeeamEmConfiguration configuration;

    ExchangeParameters(Message message, VeeamEmConfiguration configuration) {
        this.message = message;
        this.configuration = configuration;
    }

    VeeamEmOperation operation(VeeamEmOperation endpointOperation) {
        Object header = message.getHeader(VeeamEmConstants.OPERATION);
        if (header == null) {
            return endpointOperation;
        }
        if (header instanceof VeeamEmOperation operation) {
            return operation;
        }
        return VeeamEmOperation.fromName(header.toString(), "the header " + VeeamEmConstants.OPERATION);
    }

    /** The job as given: a GUID, a {@code urn:veeam:Job:} URN or a name. */
    JobReference job() {
        return JobReference.parse(required(VeeamEmConstants.JOB_ID, configuration.getJobId(), "jobId", "job"));
    }

    String includeIdSegment() {
        return guid(VeeamEmConstants.INCLUDE_ID, configuration.getIncludeId(), "includeId", null,
                "a GUID (the ObjectInJobId)");
    }

    String backupSessionIdSegment() {
        return guid(VeeamEmConstants.BACKUP_SESSION_ID, configuration.getBackupSessionId(), "backupSessionId",
                "urn:veeam:BackupJobSession:", "a GUID or urn:veeam:BackupJobSession:GUID");
    }

    /** The hierarchy root as EM's lookup wants it: {@code urn:veeam:HierarchyRoot:<guid>}. */
    String hierarchyRootUid() {
        return "urn:veeam:HierarchyRoot:" + guid(VeeamEmConstants.HIERARCHY_ROOT_ID, configuration.getHierarchyRootId(),
                "hierarchyRootId", "urn:veeam:HierarchyRoot:", "a GUID or urn:veeam:HierarchyRoot:GUID");
    }

    boolean hasHierarchyObjRef() {
        return optional(VeeamEmConstants.HIERARCHY_OBJ_REF, configuration.getHierarchyObjRef()) != null;
    }

    boolean hasObjectName() {
        return optional(VeeamEmConstants.OBJECT_NAME, configuration.getObjectName()) != null;
    }

    String hierarchyObjRef() {
        return required(VeeamEmConstants.HIERARCHY_OBJ_REF, configuration.getHierarchyObjRef(), "hierarchyObjRef",
                "hierarchy object reference");
    }

    String objectName() {
        return required(VeeamEmConstants.OBJECT_NAME, configuration.getObjectName(), "objectName", "object name");
    }

    String objectType() {
        return required(VeeamEmConstants.OBJECT_TYPE, configuration.getObjectType(), "objectType", "object type");
    }

    String taskIdSegment() {
        String taskId = required(VeeamEmConstants.TASK_ID, configuration.getTaskId(), "taskId", "task id");
        if (!TASK_ID.matcher(taskId).matches()) {
            throw invalid("taskId", VeeamEmConstants.TASK_ID, taskId, "an EM task id such as task-1");
        }
        return taskId;
    }

    String cloneJobName() {
        String name = required(VeeamEmConstants.CLONE_JOB_NAME, configuration.getCloneJobName(), "cloneJobName",
                "name for the new job");
        if (name.length() > 50) {
            throw invalid("cloneJobName", VeeamEmConstants.CLONE_JOB_NAME, name, "50 characters at most");
        }
        return name;
    }

    String cloneFolderName() {
        return required(VeeamEmConstants.CLONE_FOLDER_NAME, configuration.getCloneFolderName(), "cloneFolderName",
                "folder for the new job");
    }

    String cloneRepositoryUid() {
        return required(VeeamEmConstants.CLONE_REPOSITORY_UID, configuration.getCloneRepositoryUid(),
                "cloneRepositoryUid", "repository for the new job");
    }

    String jobName() {
        return optional(VeeamEmConstants.JOB_NAME, configuration.getJobName());
    }

    String sessionResult() {
        return optional(VeeamEmConstants.SESSION_RESULT, configuration.getSessionResult());
    }

    Instant createdAfter() {
        return instant(VeeamEmConstants.CREATED_AFTER, configuration.getCreatedAfter(), "createdAfter");
    }

    Instant createdBefore() {
        return instant(VeeamEmConstants.CREATED_BEFORE, configuration.getCreatedBefore(), "createdBefore");
    }

    /** The backup server's GUID, or null when none is given. */
    String backupServerIdSegment() {
        return optionalGuid(VeeamEmConstants.BACKUP_SERVER_ID, configuration.getBackupServerId(), "backupServerId",
                "urn:veeam:BackupServer:", "a GUID or urn:veeam:BackupServer:GUID");
    }

    String repositoryIdSegment() {
        return guid(VeeamEmConstants.REPOSITORY_ID, configuration.getRepositoryId(), "repositoryId",
                "urn:veeam:Repository:", "a GUID or urn:veeam:Repository:GUID");
    }

    /** The backup's GUID, or null when none is given. */
    String backupIdSegment() {
        return optionalGuid(VeeamEmConstants.BACKUP_ID, configuration.getBackupId(), "backupId", "urn:veeam:Backup:",
                "a GUID or urn:veeam:Backup:GUID");
    }

    /** The VM restore point's GUID, or null when none is given. */
    String vmRestorePointIdSegment() {
        return optionalGuid(VeeamEmConstants.VM_RESTORE_POINT_ID, configuration.getVmRestorePointId(),
                "vmRestorePointId", "urn:veeam:VmRestorePoint:", "a GUID or urn:veeam:VmRestorePoint:GUID");
    }

    /** The report's name as given (checked by the operation). */
    String report() {
        return required(VeeamEmConstants.REPORT, configuration.getReport(), "report", "report");
    }

    String vmName() {
        return optional(VeeamEmConstants.VM_NAME, configuration.getVmName());
    }

    String requiredVmName() {
        return required(VeeamEmConstants.VM_NAME, configuration.getVmName(), "vmName (or vmRestorePointId)",
                "VM name");
    }

    Instant restorePointTime() {
        return instant(VeeamEmConstants.RESTORE_POINT_TIME, configuration.getRestorePointTime(), "restorePointTime");
    }

    boolean powerOnAfterRestore() {
        return flag(VeeamEmConstants.POWER_ON_AFTER_RESTORE, configuration.isPowerOnAfterRestore());
    }

    boolean quickRollback() {
        return flag(VeeamEmConstants.QUICK_ROLLBACK, configuration.isQuickRollback());
    }

    Boolean keepOriginalVm() {
        Boolean header = message.getHeader(VeeamEmConstants.KEEP_ORIGINAL_VM, Boolean.class);
        return header != null ? header : configuration.getKeepOriginalVm();
    }

    String sessionType() {
        return optional(VeeamEmConstants.SESSION_TYPE, configuration.getSessionType());
    }

    private boolean flag(String header, boolean option) {
        Boolean value = message.getHeader(header, Boolean.class);
        return value != null ? value : option;
    }

    private String optionalGuid(String header, String option, String optionName, String urnPrefix, String expected) {
        return optional(header, option) == null ? null : guid(header, option, optionName, urnPrefix, expected);
    }

    private Instant instant(String header, String option, String optionName) {
        String value = optional(header, option);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(optionName, header, value, "an ISO-8601 instant such as 2026-11-28T00:00:00Z");
        }
    }

    /** A validated GUID, also when given as a URN: path-safe as it is. */
    private String guid(String header, String option, String optionName, String urnPrefix, String expected) {
        String given = required(header, option, optionName, optionName.replace("Id", " id"));
        String guid = urnPrefix != null && given.regionMatches(true, 0, urnPrefix, 0, urnPrefix.length())
                ? given.substring(urnPrefix.length()) : given;
        if (!GUID.matcher(guid).matches()) {
            throw invalid(optionName, header, given, expected);
        }
        return guid;
    }

    private String optional(String header, String option) {
        String value = message.getHeader(header, option, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String required(String header, String option, String optionName, String what) {
        String value = optional(header, option);
        if (value == null) {
            throw new IllegalArgumentException(
                    "No " + what + " given: set the header " + header + " or the option " + optionName);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String optionName, String header, String given, String expected) {
        return new IllegalArgumentException(
                "The " + optionName + " '" + Echo.quote(given) + "' (header " + header + " or option " + optionName
                                            + ") is not valid: expected " + expected);
    }

    /** A job named by id or by name; a name is resolved against EM's job list. */
    record JobReference(String guid, String name) {

        private static final String URN_PREFIX = "urn:veeam:Job:";

        static JobReference parse(String given) {
            String candidate = given.regionMatches(true, 0, URN_PREFIX, 0, URN_PREFIX.length())
                    ? given.substring(URN_PREFIX.length()) : given;
            if (GUID.matcher(candidate).matches()) {
                return new JobReference(candidate, null);
            }
            if (candidate != given) {
                throw invalid("jobId", VeeamEmConstants.JOB_ID, given, "urn:veeam:Job: followed by a GUID");
            }
            return new JobReference(null, given);
        }

        boolean isName() {
            return guid == null;
        }
    }
}
