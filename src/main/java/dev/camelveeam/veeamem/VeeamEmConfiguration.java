package dev.camelveeam.veeamem;

import java.util.concurrent.ExecutorService;

import dev.camelveeam.veeamem.internal.ApiRoot;
import dev.camelveeam.veeamem.internal.PollSettings;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of the {@code veeam-em} component. The component holds one instance whose values every endpoint starts from;
 * each endpoint works on its own copy so that its URI parameters override the component's.
 */
@UriParams
public class VeeamEmConfiguration implements Cloneable {

    @UriParam(label = "common")
    @Metadata(required = true)
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String password;
    @UriParam(label = "common", defaultValue = "xml", enums = "xml,json")
    private VeeamEmFormat format = VeeamEmFormat.xml;
    @UriParam(label = "producer")
    private String jobId;
    @UriParam(label = "producer")
    private String includeId;
    @UriParam(label = "producer")
    private String hierarchyObjRef;
    @UriParam(label = "producer")
    private String hierarchyRootId;
    @UriParam(label = "producer")
    private String objectName;
    @UriParam(label = "producer", defaultValue = "Vm")
    private String objectType = "Vm";
    @UriParam(label = "producer")
    private String taskId;
    @UriParam(label = "producer")
    private String backupSessionId;
    @UriParam(label = "producer")
    private String cloneJobName;
    @UriParam(label = "producer")
    private String cloneFolderName;
    @UriParam(label = "producer")
    private String cloneRepositoryUid;
    @UriParam(label = "common")
    private String jobName;
    @UriParam(label = "common")
    private String sessionResult;
    @UriParam(label = "producer")
    private String createdAfter;
    @UriParam(label = "producer")
    private String createdBefore;
    @UriParam(label = "producer")
    private String backupServerId;
    @UriParam(label = "producer")
    private String repositoryId;
    @UriParam(label = "producer", enums = "overview,jobStatistics,vmsOverview,repository,processedVms")
    private String report;
    @UriParam(label = "producer")
    private String backupId;
    @UriParam(label = "producer")
    private String vmRestorePointId;
    @UriParam(label = "producer")
    private String vmName;
    @UriParam(label = "producer")
    private String restorePointTime;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean powerOnAfterRestore = false;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean quickRollback = false;
    @UriParam(label = "producer")
    private Boolean keepOriginalVm;
    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration")
    private long restoreTimeout = 3_600_000;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean waitForSession = false;
    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration")
    private long sessionTimeout = 3_600_000;
    @UriParam(label = "common", defaultValue = "BackupJobSession", enums = "BackupJobSession,ReplicaJobSession")
    private String sessionType = "BackupJobSession";
    @UriParam(label = "common", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "consumer", defaultValue = "3600000", javaType = "java.time.Duration")
    private long lookback = 3_600_000;
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration")
    private long initialLookback;
    @UriParam(label = "consumer", defaultValue = "200")
    private int lookbackMaxSessions = 200;
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long responseTimeout = 60_000;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security", defaultValue = "false")
    private boolean trustAllCertificates;
    @UriParam(label = "producer", defaultValue = "5")
    private int pollRetries = 5;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean cancelTaskOnTimeout;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean idempotent;
    @UriParam(label = "producer", defaultValue = "200", javaType = "java.time.Duration")
    private long pollInitialDelay = 200;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long pollMaxDelay = 5000;
    @UriParam(label = "producer", defaultValue = "adaptive", enums = "adaptive,backoff")
    private VeeamEmPollStrategy pollStrategy = VeeamEmPollStrategy.adaptive;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long taskTimeout = 600_000;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean failOnTaskError = true;
    @UriParam(label = "advanced", defaultValue = "10485760")
    private long maxResponseSize = 10L * 1024 * 1024;
    @UriParam(label = "common", defaultValue = "1000")
    private int maxPages = 1000;
    @UriParam(label = "producer,advanced")
    private ExecutorService executorService;
    @UriParam(label = "producer,advanced", enums = "TRACE,DEBUG,INFO,WARN,ERROR,OFF")
    private LoggingLevel taskFailedLoggingLevel;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The URL of the EM REST API, for example https://em.example.com:9398/api. The trailing /api may be left out.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The EM account to log on with (a Portal Administrator for job operations), for example DOMAIN\svc-camel.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password of the EM account.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public VeeamEmFormat getFormat() {
        return format;
    }

    /**
     * The representation to exchange with EM: xml (EM's default) or json.
     */
    public void setFormat(VeeamEmFormat format) {
        this.format = format;
    }

    public String getJobId() {
        return jobId;
    }

    /**
     * The job: its id (a GUID or urn:veeam:Job:GUID) or its exact name, which is resolved against EM's job list and
     * must match one job (ignoring case). The header CamelVeeamEmJobId overrides it.
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getIncludeId() {
        return includeId;
    }

    /**
     * The id of the object in the job (the ObjectInJobId of the include). The header CamelVeeamEmIncludeId overrides
     * it.
     */
    public void setIncludeId(String includeId) {
        this.includeId = includeId;
    }

    public String getHierarchyObjRef() {
        return hierarchyObjRef;
    }

    /**
     * addInclude: the hierarchy object to add, for example urn:VMware:Vm:HIERARCHYROOTID.vm-7870; given together with
     * objectName. The header CamelVeeamEmHierarchyObjRef overrides it.
     */
    public void setHierarchyObjRef(String hierarchyObjRef) {
        this.hierarchyObjRef = hierarchyObjRef;
    }

    public String getHierarchyRootId() {
        return hierarchyRootId;
    }

    /**
     * lookup and addInclude by name: the hierarchy root (vCenter, Hyper-V host or SCVMM, vCloud Director) to look in,
     * as a GUID or urn:veeam:HierarchyRoot:GUID. The header CamelVeeamEmHierarchyRootId overrides it.
     */
    public void setHierarchyRootId(String hierarchyRootId) {
        this.hierarchyRootId = hierarchyRootId;
    }

    public String getObjectName() {
        return objectName;
    }

    /**
     * lookup and addInclude: the name of the VM (or other object) to find or add. The header CamelVeeamEmObjectName
     * overrides it.
     */
    public void setObjectName(String objectName) {
        this.objectName = objectName;
    }

    public String getObjectType() {
        return objectType;
    }

    /**
     * lookup and addInclude by name: the type of hierarchy object to look for, for example Vm, Host, Folder, Tag. The
     * header CamelVeeamEmObjectType overrides it.
     */
    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getTaskId() {
        return taskId;
    }

    /**
     * getTask and cancelTask: the id of the task, for example task-1. The header CamelVeeamEmTaskId overrides it.
     */
    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getBackupSessionId() {
        return backupSessionId;
    }

    /**
     * getBackupSession: the id of the backup session, as a GUID or urn:veeam:BackupJobSession:GUID. The header
     * CamelVeeamEmBackupSessionId overrides it.
     */
    public void setBackupSessionId(String backupSessionId) {
        this.backupSessionId = backupSessionId;
    }

    public String getCloneJobName() {
        return cloneJobName;
    }

    /**
     * cloneJob: the name of the new job (50 characters at most). The header CamelVeeamEmCloneJobName overrides it.
     */
    public void setCloneJobName(String cloneJobName) {
        this.cloneJobName = cloneJobName;
    }

    public String getCloneFolderName() {
        return cloneFolderName;
    }

    /**
     * cloneJob: the folder of the new job's backup files in the repository. The header CamelVeeamEmCloneFolderName
     * overrides it.
     */
    public void setCloneFolderName(String cloneFolderName) {
        this.cloneFolderName = cloneFolderName;
    }

    public String getCloneRepositoryUid() {
        return cloneRepositoryUid;
    }

    /**
     * cloneJob: the repository of the new job, as urn:veeam:Repository:GUID. The header CamelVeeamEmCloneRepositoryUid
     * overrides it.
     */
    public void setCloneRepositoryUid(String cloneRepositoryUid) {
        this.cloneRepositoryUid = cloneRepositoryUid;
    }

    public String getJobName() {
        return jobName;
    }

    /**
     * listBackupSessions and the backupSessions consumer: only sessions of the job with this name. The header
     * CamelVeeamEmJobName overrides it for listBackupSessions.
     */
    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    public String getSessionResult() {
        return sessionResult;
    }

    /**
     * listBackupSessions and the backupSessions consumer: only sessions with one of these results, comma separated
     * (Success, Warning, Failed). The header CamelVeeamEmSessionResult overrides it for listBackupSessions.
     */
    public void setSessionResult(String sessionResult) {
        this.sessionResult = sessionResult;
    }

    public String getCreatedAfter() {
        return createdAfter;
    }

    /**
     * listBackupSessions: only sessions created at or after this instant (ISO-8601, for example 2026-11-28T00:00:00Z).
     * The header CamelVeeamEmCreatedAfter overrides it.
     */
    public void setCreatedAfter(String createdAfter) {
        this.createdAfter = createdAfter;
    }

    public String getCreatedBefore() {
        return createdBefore;
    }

    /**
     * listBackupSessions: only sessions created before this instant (ISO-8601). The header CamelVeeamEmCreatedBefore
     * overrides it.
     */
    public void setCreatedBefore(String createdBefore) {
        this.createdBefore = createdBefore;
    }

    public String getBackupServerId() {
        return backupServerId;
    }

    /**
     * listRepositories: only the repositories of this backup server; quickBackup: the backup server to ask (needed only
     * when EM manages several). A GUID or urn:veeam:BackupServer:GUID. The header CamelVeeamEmBackupServerId overrides
     * it.
     */
    public void setBackupServerId(String backupServerId) {
        this.backupServerId = backupServerId;
    }

    public String getRepositoryId() {
        return repositoryId;
    }

    /**
     * getRepository: the repository, as a GUID or urn:veeam:Repository:GUID. The header CamelVeeamEmRepositoryId
     * overrides it.
     */
    public void setRepositoryId(String repositoryId) {
        this.repositoryId = repositoryId;
    }

    public String getReport() {
        return report;
    }

    /**
     * getReport: the summary report to read: overview, jobStatistics, vmsOverview, repository or processedVms. The
     * header CamelVeeamEmReport overrides it.
     */
    public void setReport(String report) {
        this.report = report;
    }

    public String getBackupId() {
        return backupId;
    }

    /**
     * listRestorePoints: only the restore points of this backup, as a GUID or urn:veeam:Backup:GUID. The header
     * CamelVeeamEmBackupId overrides it.
     */
    public void setBackupId(String backupId) {
        this.backupId = backupId;
    }

    public String getVmRestorePointId() {
        return vmRestorePointId;
    }

    /**
     * restoreVm and getVmRestorePoint: the VM restore point, as a GUID or urn:veeam:VmRestorePoint:GUID. Without it,
     * the newest restore point of the VM named vmName is used. The header CamelVeeamEmVmRestorePointId overrides it.
     */
    public void setVmRestorePointId(String vmRestorePointId) {
        this.vmRestorePointId = vmRestorePointId;
    }

    public String getVmName() {
        return vmName;
    }

    /**
     * listVmRestorePoints: only the restore points of the VM with this name (newest first); getVmRestorePoint and
     * restoreVm without vmRestorePointId: the VM whose newest restore point (at or before restorePointTime, when given)
     * is read or restored. The header CamelVeeamEmVmName overrides it.
     */
    public void setVmName(String vmName) {
        this.vmName = vmName;
    }

    public String getRestorePointTime() {
        return restorePointTime;
    }

    /**
     * With vmName: only restore points created at or before this instant (ISO-8601, for example 2026-11-28T00:00:00Z),
     * so that the newest one is the VM as it was then. The header CamelVeeamEmRestorePointTime overrides it.
     */
    public void setRestorePointTime(String restorePointTime) {
        this.restorePointTime = restorePointTime;
    }

    public boolean isPowerOnAfterRestore() {
        return powerOnAfterRestore;
    }

    /**
     * restoreVm: power the VM on once it is restored (to its original location). The header
     * CamelVeeamEmPowerOnAfterRestore overrides it.
     */
    public void setPowerOnAfterRestore(boolean powerOnAfterRestore) {
        this.powerOnAfterRestore = powerOnAfterRestore;
    }

    public boolean isQuickRollback() {
        return quickRollback;
    }

    /**
     * restoreVm: restore only the blocks that changed since the restore point (incremental restore using changed block
     * tracking). The header CamelVeeamEmQuickRollback overrides it.
     */
    public void setQuickRollback(boolean quickRollback) {
        this.quickRollback = quickRollback;
    }

    public Boolean getKeepOriginalVm() {
        return keepOriginalVm;
    }

    /**
     * restoreVm: whether EM keeps the original VM (renamed) instead of overwriting it (EM 13; must not be true with
     * quickRollback). Not sent when not set. The header CamelVeeamEmKeepOriginalVm overrides it.
     */
    public void setKeepOriginalVm(Boolean keepOriginalVm) {
        this.keepOriginalVm = keepOriginalVm;
    }

    public long getRestoreTimeout() {
        return restoreTimeout;
    }

    /**
     * restoreVm: how long to wait for the restore session to end (State Stopped) after EM started it, before the
     * exchange fails with VeeamEmSessionTimeoutException; the restore goes on in EM.
     */
    public void setRestoreTimeout(long restoreTimeout) {
        this.restoreTimeout = restoreTimeout;
    }

    public boolean isWaitForSession() {
        return waitForSession;
    }

    /**
     * quickBackup: wait for the backup session it started to end (State Stopped) and make the ended session the body,
     * instead of the session as it started.
     */
    public void setWaitForSession(boolean waitForSession) {
        this.waitForSession = waitForSession;
    }

    public long getSessionTimeout() {
        return sessionTimeout;
    }

    /**
     * quickBackup with waitForSession: how long to wait for the backup session to end before the exchange fails with
     * VeeamEmSessionTimeoutException; the session goes on in EM.
     */
    public void setSessionTimeout(long sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public String getSessionType() {
        return sessionType;
    }

    /**
     * listBackupSessions and the backupSessions consumer: the sessions to read, BackupJobSession (backup jobs) or
     * ReplicaJobSession (replication jobs, read as ReplicaJobSession). The header CamelVeeamEmSessionType overrides it
     * for listBackupSessions.
     */
    public void setSessionType(String sessionType) {
        this.sessionType = sessionType;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * listBackupSessions and the backupSessions consumer: how many sessions to ask EM for per page; every page is read.
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public long getLookback() {
        return lookback;
    }

    /**
     * backupSessions consumer: each poll asks again for the sessions that ended up to this long before the latest one
     * it emitted (less when more than lookbackMaxSessions sessions ended in that time), so that sessions EM records
     * late are not missed; the ones already emitted are recognised and skipped.
     */
    public void setLookback(long lookback) {
        this.lookback = lookback;
    }

    public long getInitialLookback() {
        return initialLookback;
    }

    /**
     * backupSessions consumer: on its very first start (no saved position), also emit the sessions that ended this long
     * before the consumer started. 0 emits only sessions that end after the start.
     */
    public void setInitialLookback(long initialLookback) {
        this.initialLookback = initialLookback;
    }

    public int getLookbackMaxSessions() {
        return lookbackMaxSessions;
    }

    /**
     * backupSessions consumer: the most session ids its position keeps to recognise, within lookback, the sessions it
     * already emitted. When more sessions ended within lookback, the position keeps the latest ones and looks back only
     * to the oldest of them. 0 keeps only the sessions that share the latest end time.
     */
    public void setLookbackMaxSessions(int lookbackMaxSessions) {
        this.lookbackMaxSessions = lookbackMaxSessions;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * backupSessions consumer: where to keep its position (the latest end time emitted and the sessions emitted near
     * it), read each time the consumer starts and saved after each session, so that after a restart or a change of
     * leader it resumes where it left off. Replicas need one whose getState reads the shared store, such as
     * VeeamEmFileStateRepository or VeeamEmJdbcStateRepository. Without one, the position lives in memory.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to EM (TCP and TLS handshake). A request that could not connect never reached
     * EM and is tried once more (the logon too).
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long to wait for EM's whole answer once a request is on its way to EM (a slow, trickling answer included). A
     * request that changes something and got no answer fails with VeeamEmOutcomeUnknownException and is not sent again.
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * The TLS trust (and key) material for EM's HTTPS port, for example a trust store with the CA that signed EM's
     * certificate. Without it the JVM's default trust store is used. Host names are verified unless
     * trustAllCertificates is set.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    /**
     * INSECURE, for labs only: accept any certificate and host name from EM. A WARN is logged each time an endpoint
     * using it starts. Prefer sslContextParameters with EM's certificate.
     */
    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    public int getPollRetries() {
        return pollRetries;
    }

    /**
     * How many polls of a task in a row may fail (no answer, a 5xx, an unreadable body) before the exchange fails;
     * failed polls are tried again on the poll schedule, within taskTimeout.
     */
    public void setPollRetries(int pollRetries) {
        this.pollRetries = pollRetries;
    }

    public boolean isCancelTaskOnTimeout() {
        return cancelTaskOnTimeout;
    }

    /**
     * Whether to cancel a task (DELETE /tasks/{id}) that did not finish within taskTimeout, before failing the
     * exchange.
     */
    public void setCancelTaskOnTimeout(boolean cancelTaskOnTimeout) {
        this.cancelTaskOnTimeout = cancelTaskOnTimeout;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    /**
     * For redelivered messages: removeInclude of an include that is no longer in the job, and addInclude of an object
     * already in it, complete without error (and without a task) and set the header CamelVeeamEmAlreadyDone to true.
     */
    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    /**
     * How long to wait before the first poll of a task that EM accepted (0: poll at once); later polls wait twice as
     * long as the one before, at least 100 ms and at most pollMaxDelay.
     */
    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public long getPollMaxDelay() {
        return pollMaxDelay;
    }

    /**
     * The longest wait between two polls of a task (the cap of the back-off); at least 100 ms.
     */
    public void setPollMaxDelay(long pollMaxDelay) {
        this.pollMaxDelay = pollMaxDelay;
    }

    public VeeamEmPollStrategy getPollStrategy() {
        return pollStrategy;
    }

    /**
     * How to time the polls of a task: adaptive learns, per EM connection and operation, how long the last 32 tasks
     * took and polls densely around the expected finish (plain back-off until 2 have finished; a change of the typical
     * time is followed within a few tasks); backoff polls after pollInitialDelay, then twice the previous wait each
     * time. Both poll at most ten times a second and wait at most pollMaxDelay between two polls.
     */
    public void setPollStrategy(VeeamEmPollStrategy pollStrategy) {
        this.pollStrategy = pollStrategy;
    }

    public long getTaskTimeout() {
        return taskTimeout;
    }

    /**
     * How long to wait for a task to reach the Finished state before the exchange fails with a timeout that names the
     * task and its last state.
     */
    public void setTaskTimeout(long taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    public boolean isFailOnTaskError() {
        return failOnTaskError;
    }

    /**
     * Whether a task that finished with Success=false fails the exchange (VeeamEmTaskFailedException). When false, the
     * failed task becomes the message body.
     */
    public void setFailOnTaskError(boolean failOnTaskError) {
        this.failOnTaskError = failOnTaskError;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * The largest answer read from EM, in bytes. A larger answer ends the exchange with
     * VeeamEmResponseTooLargeException (EM received the request) instead of filling the heap.
     */
    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /**
     * The most pages of a query read in one go (listBackupSessions, the backupSessions consumer): a result EM announces
     * with more pages fails with an error naming this option, instead of being followed without limit.
     */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public LoggingLevel getTaskFailedLoggingLevel() {
        return taskFailedLoggingLevel;
    }

    /**
     * The level at which a task that failed in EM is logged. By default DEBUG when the failure goes to the route as
     * VeeamEmTaskFailedException (the route handles it), and WARN with failOnTaskError=false (the log line is then the
     * only sign of it).
     */
    public void setTaskFailedLoggingLevel(LoggingLevel taskFailedLoggingLevel) {
        this.taskFailedLoggingLevel = taskFailedLoggingLevel;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    /**
     * The executor on which exchanges continue once EM has answered (or their task finished). By default a pool of the
     * component: the CamelContext's thread-pool profile veeamEmRouteWork if there is one, else a pool that starts a
     * thread only when none is idle, up to the default profile's maxPoolSize, then queues. Never an I/O or poll thread.
     */
    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    /**
     * Checks every option; the message of a refusal names the option. Called when an endpoint is created, before any
     * request.
     */
    void validate() {
        ApiRoot.parse(baseUrl);
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("The option username is required: the EM account to log on with");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The option password is required: the password of the EM account");
        }
        positive("connectTimeout", connectTimeout);
        positive("responseTimeout", responseTimeout);
        positive("taskTimeout", taskTimeout);
        positive("maxResponseSize", maxResponseSize);
        positive("pageSize", pageSize);
        positive("maxPages", maxPages);
        notNegative("pollInitialDelay", pollInitialDelay);
        notNegative("pollRetries", pollRetries);
        notNegative("lookback", lookback);
        notNegative("initialLookback", initialLookback);
        notNegative("lookbackMaxSessions", lookbackMaxSessions);
        if (pollStrategy == null) {
            throw new IllegalArgumentException("The option pollStrategy must be adaptive or backoff");
        }
        if (pollMaxDelay < PollSettings.FLOOR_MILLIS) {
            throw new IllegalArgumentException(
                    "The option pollMaxDelay must be at least " + PollSettings.FLOOR_MILLIS
                                               + " ms (a task is polled at most ten times a second), but was "
                                               + pollMaxDelay);
        }
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("The option " + option + " must be greater than 0, but was " + value);
        }
    }

    private static void notNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("The option " + option + " must not be negative, but was " + value);
        }
    }

    public VeeamEmConfiguration copy() {
        try {
            return (VeeamEmConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
