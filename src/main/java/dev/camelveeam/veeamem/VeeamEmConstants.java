package dev.camelveeam.veeamem;

import org.apache.camel.spi.Metadata;

/**
 * Names of the Camel message headers that the {@code veeam-em} component reads and writes. Each input header overrides
 * the endpoint option of the same name ({@code CamelVeeamEmJobId} overrides {@code jobId}).
 */
public final class VeeamEmConstants {

    @Metadata(label = "producer", description = "The operation to perform; overrides the operation of the endpoint URI.",
              javaType = "dev.camelveeam.veeamem.VeeamEmOperation")
    public static final String OPERATION = "CamelVeeamEmOperation";
    @Metadata(label = "producer",
              description = "The job: its id (a GUID, or urn:veeam:Job: followed by the GUID) or its exact name; overrides the jobId option.",
              javaType = "String")
    public static final String JOB_ID = "CamelVeeamEmJobId";
    @Metadata(label = "producer",
              description = "The id of the object in the job (ObjectInJobId); overrides the includeId option.",
              javaType = "String")
    public static final String INCLUDE_ID = "CamelVeeamEmIncludeId";
    @Metadata(label = "producer",
              description = "addInclude: the hierarchy object reference to add; overrides the hierarchyObjRef option.",
              javaType = "String")
    public static final String HIERARCHY_OBJ_REF = "CamelVeeamEmHierarchyObjRef";
    @Metadata(label = "producer",
              description = "lookup and addInclude: the hierarchy root to look in; overrides the hierarchyRootId option.",
              javaType = "String")
    public static final String HIERARCHY_ROOT_ID = "CamelVeeamEmHierarchyRootId";
    @Metadata(label = "producer", description = "lookup and addInclude: the object's name; overrides the objectName option.",
              javaType = "String")
    public static final String OBJECT_NAME = "CamelVeeamEmObjectName";
    @Metadata(label = "producer",
              description = "lookup and addInclude: the object's type (Vm by default); overrides the objectType option.",
              javaType = "String")
    public static final String OBJECT_TYPE = "CamelVeeamEmObjectType";
    @Metadata(label = "producer",
              description = "In: the task of getTask and cancelTask, overriding the taskId option. Out: the id of the EM task that carried out the operation (for example task-1).",
              javaType = "String")
    public static final String TASK_ID = "CamelVeeamEmTaskId";
    @Metadata(label = "producer",
              description = "Out: the last known state of the EM task: Running, OperationFinished or Finished.",
              javaType = "String")
    public static final String TASK_STATE = "CamelVeeamEmTaskState";
    @Metadata(label = "common",
              description = "In: the session of getBackupSession, listTaskSessions and stopBackupSession, overriding the backupSessionId option. Out (backupSessions consumer, quickBackup): the id of the emitted or started session.",
              javaType = "String")
    public static final String BACKUP_SESSION_ID = "CamelVeeamEmBackupSessionId";
    @Metadata(label = "producer", description = "cloneJob: the new job's name; overrides the cloneJobName option.",
              javaType = "String")
    public static final String CLONE_JOB_NAME = "CamelVeeamEmCloneJobName";
    @Metadata(label = "producer", description = "cloneJob: the new job's folder; overrides the cloneFolderName option.",
              javaType = "String")
    public static final String CLONE_FOLDER_NAME = "CamelVeeamEmCloneFolderName";
    @Metadata(label = "producer",
              description = "cloneJob: the new job's repository UID; overrides the cloneRepositoryUid option.",
              javaType = "String")
    public static final String CLONE_REPOSITORY_UID = "CamelVeeamEmCloneRepositoryUid";
    @Metadata(label = "common",
              description = "In: listBackupSessions only reads this job's sessions, overriding the jobName option. Out (backupSessions consumer): the job of the emitted session.",
              javaType = "String")
    public static final String JOB_NAME = "CamelVeeamEmJobName";
    @Metadata(label = "producer",
              description = "listBackupSessions: only sessions with these results (comma separated); overrides the sessionResult option.",
              javaType = "String")
    public static final String SESSION_RESULT = "CamelVeeamEmSessionResult";
    @Metadata(label = "producer",
              description = "listBackupSessions: created at or after (ISO-8601); overrides the createdAfter option.",
              javaType = "String")
    public static final String CREATED_AFTER = "CamelVeeamEmCreatedAfter";
    @Metadata(label = "producer",
              description = "listBackupSessions: created before (ISO-8601); overrides the createdBefore option.",
              javaType = "String")
    public static final String CREATED_BEFORE = "CamelVeeamEmCreatedBefore";

    @Metadata(label = "producer",
              description = "listRepositories and quickBackup: the backup server (GUID or urn:veeam:BackupServer:GUID); overrides the backupServerId option.",
              javaType = "String")
    public static final String BACKUP_SERVER_ID = "CamelVeeamEmBackupServerId";
    @Metadata(label = "producer",
              description = "getRepository: the repository (GUID or urn:veeam:Repository:GUID); overrides the repositoryId option.",
              javaType = "String")
    public static final String REPOSITORY_ID = "CamelVeeamEmRepositoryId";
    @Metadata(label = "producer",
              description = "getReport: overview, jobStatistics, vmsOverview, repository or processedVms; overrides the report option.",
              javaType = "String")
    public static final String REPORT = "CamelVeeamEmReport";
    @Metadata(label = "producer",
              description = "listRestorePoints: only this backup's restore points (GUID or urn:veeam:Backup:GUID); overrides the backupId option.",
              javaType = "String")
    public static final String BACKUP_ID = "CamelVeeamEmBackupId";
    @Metadata(label = "producer",
              description = "restoreVm and getVmRestorePoint: the VM restore point (GUID or urn:veeam:VmRestorePoint:GUID); overrides the vmRestorePointId option.",
              javaType = "String")
    public static final String VM_RESTORE_POINT_ID = "CamelVeeamEmVmRestorePointId";
    @Metadata(label = "producer",
              description = "listVmRestorePoints, getVmRestorePoint and restoreVm: the VM by name (its newest restore point); overrides the vmName option.",
              javaType = "String")
    public static final String VM_NAME = "CamelVeeamEmVmName";
    @Metadata(label = "producer",
              description = "With vmName: only restore points created at or before this instant (ISO-8601); overrides the restorePointTime option.",
              javaType = "String")
    public static final String RESTORE_POINT_TIME = "CamelVeeamEmRestorePointTime";
    @Metadata(label = "producer",
              description = "restoreVm: power the VM on after the restore; overrides the powerOnAfterRestore option.",
              javaType = "Boolean")
    public static final String POWER_ON_AFTER_RESTORE = "CamelVeeamEmPowerOnAfterRestore";
    @Metadata(label = "producer",
              description = "restoreVm: incremental restore of the changed blocks; overrides the quickRollback option.",
              javaType = "Boolean")
    public static final String QUICK_ROLLBACK = "CamelVeeamEmQuickRollback";
    @Metadata(label = "producer",
              description = "restoreVm: keep the original VM (EM 13); overrides the keepOriginalVm option.",
              javaType = "Boolean")
    public static final String KEEP_ORIGINAL_VM = "CamelVeeamEmKeepOriginalVm";
    @Metadata(label = "producer",
              description = "listBackupSessions: BackupJobSession or ReplicaJobSession; overrides the sessionType option.",
              javaType = "String")
    public static final String SESSION_TYPE = "CamelVeeamEmSessionType";
    @Metadata(label = "producer",
              description = "Out (restoreVm): the id of the restore session EM started for the restore.",
              javaType = "String")
    public static final String RESTORE_SESSION_ID = "CamelVeeamEmRestoreSessionId";

    @Metadata(label = "producer",
              description = "Out, with the idempotent option: true when the include was already gone, or the object already in the job, so no change was requested (no task; the body is null).",
              javaType = "Boolean")
    public static final String ALREADY_DONE = "CamelVeeamEmAlreadyDone";

    private VeeamEmConstants() {
    }
}
