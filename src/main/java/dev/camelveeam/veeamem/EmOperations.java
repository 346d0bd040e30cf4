package dev.camelveeam.veeamem;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.ExchangeParameters.JobReference;
import dev.camelveeam.veeamem.internal.ApiRoot;
import dev.camelveeam.veeamem.internal.BackupSessionQuery;
import dev.camelveeam.veeamem.internal.Echo;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.EmRequest;
import dev.camelveeam.veeamem.internal.EmTaskHandle;
import dev.camelveeam.veeamem.internal.Futures;
import dev.camelveeam.veeamem.internal.PathSegments;
import dev.camelveeam.veeamem.internal.PendingChange;
import dev.camelveeam.veeamem.internal.QueryReader;
import dev.camelveeam.veeamem.internal.ResourcePoller;
import dev.camelveeam.veeamem.model.Backup;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.BackupServer;
import dev.camelveeam.veeamem.model.BackupTaskSession;
import dev.camelveeam.veeamem.model.CreateObjectInJobSpec;
import dev.camelveeam.veeamem.model.EntityRef;
import dev.camelveeam.veeamem.model.HierarchyItem;
import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.model.JobCloneSpec;
import dev.camelveeam.veeamem.model.JobStatisticsReport;
import dev.camelveeam.veeamem.model.Link;
import dev.camelveeam.veeamem.model.ObjectInJob;
import dev.camelveeam.veeamem.model.OverviewReport;
import dev.camelveeam.veeamem.model.ProcessedVmsReport;
import dev.camelveeam.veeamem.model.QuickBackupStartupSpec;
import dev.camelveeam.veeamem.model.Repository;
import dev.camelveeam.veeamem.model.RepositoryReport;
import dev.camelveeam.veeamem.model.RestorePoint;
import dev.camelveeam.veeamem.model.RestoreSession;
import dev.camelveeam.veeamem.model.RestoreSpec;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.model.VmRestorePoint;
import dev.camelveeam.veeamem.model.VmsOverviewReport;

/**
 * What each operation sends to EM. {@link #prepare} reads and checks every input of the exchange and sends nothing; the
 * {@link Call} it returns then sends the requests, without waiting: an operation either answers at once
 * ({@link Answer}) or starts an EM task that the producer then waits for ({@link Started}). Requests that look
 * something up first (a job by name, a VM by name) go out before the operation's own request.
 */
final class EmOperations {

    sealed interface Outcome permits Answer, Started, AlreadyDone, Followed {
    }

    /**
     * The task finished and what it started was then followed: {@code body} is that (a restore session, a backup
     * session), {@code task} the final task.
     */
    record Followed(Task task, Object body) implements Outcome {
    }

    /** What happens once a change's task has finished without failing: following what the task started. */
    @FunctionalInterface
    interface AfterTask {

        CompletableFuture<Outcome> apply(Task task, String routeId);
    }

    /** The operation is complete; {@code body} is the message body (null for none). */
    record Answer(Object body) implements Outcome {
    }

    /** EM accepted the operation as a task. */
    record Started(EmTaskHandle task) implements Outcome {
    }

    /** With the idempotent option: EM is already as the operation would make it, so nothing was sent. */
    record AlreadyDone() implements Outcome {
    }

    /**
     * An operation whose inputs are checked, ready to be sent. A change (an operation EM answers with a task) has a key
     * naming what it changes, and the {@code Operation} EM gives its task; it is sent with the pending change that
     * records what went out.
     */
    static final class Call {

        private final String changeKey;
        private final String emOperation;
        private final Function<PendingChange, CompletableFuture<Outcome>> sender;
        private AfterTask afterTask;

        private Call(String changeKey, String emOperation, Function<PendingChange, CompletableFuture<Outcome>> sender) {
            this.changeKey = changeKey;
            this.emOperation = emOperation;
            this.sender = sender;
        }

        /** Follows what the change's task started once the task finished without failing. */
        Call afterTask(AfterTask then) {
            this.afterTask = then;
            return this;
        }

        /**
         * The result of the change once its task is waited for: the task itself, or, for a task that did not fail and a
         * call that follows what its task started, what following it gave.
         */
        CompletableFuture<Object> afterTask(Object result, String routeId) {
            if (afterTask == null || !(result instanceof Task task) || task.isFailed()) {
                return CompletableFuture.completedFuture(result);
            }
            return afterTask.apply(task, routeId).thenApply(outcome -> outcome);
        }

        static Call read(Supplier<CompletableFuture<Outcome>> sender) {
            return new Call(null, null, change -> sender.get());
        }

        static Call change(String key, String emOperation, Function<PendingChange, CompletableFuture<Outcome>> sender) {
            return new Call(key, emOperation, sender);
        }

        boolean isChange() {
            return changeKey != null;
        }

        PendingChange newPendingChange() {
            return new PendingChange(changeKey, emOperation);
        }

        CompletableFuture<Outcome> send(PendingChange change) {
            return sender.apply(change);
        }
    }

    private static final int NOT_FOUND = 404;
    private static final String UPDATE_JOB = "UpdateJob";

    private static final Pattern GUID
            = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String FORMAT_ENTITY = "?format=Entity";

    private final EmApi api;
    private final ResourcePoller poller;

    EmOperations(EmApi api, ResourcePoller poller) {
        this.api = api;
        this.poller = poller;
    }

    /** Reads and checks the operation's inputs; bad input throws here, before any request. */
    Call prepare(VeeamEmOperation operation, ExchangeParameters parameters, VeeamEmConfiguration config) {
        return switch (operation) {
            case listIncludes -> read(parameters, job -> answer(api.getList(job + "/includes", ObjectInJob.class)));
            case getInclude -> {
                String includeId = parameters.includeIdSegment();
                yield read(parameters, job -> answer(api.get(job + "/includes/" + includeId, ObjectInJob.class)));
            }
            case addInclude -> addInclude(parameters, config.isIdempotent());
            case removeInclude -> removeInclude(parameters, config.isIdempotent());
            case listJobs -> Call.read(() -> answer(api.getList("/jobs?format=Entity", Job.class)));
            case getJob -> read(parameters, job -> answer(api.get(job + "?format=Entity", Job.class)));
            case startJob -> jobAction(parameters, "start", "StartJob", null, "");
            case stopJob -> jobAction(parameters, "stop", "StopJob", null, "");
            case retryJob -> jobAction(parameters, "retry", "RetryJob", null, "");
            case toggleScheduleEnabled -> jobAction(parameters, "toggleScheduleEnabled", UPDATE_JOB, null, "");
            case cloneJob -> {
                JobCloneSpec spec = new JobCloneSpec(
                        parameters.cloneJobName(), parameters.cloneFolderName(), parameters.cloneRepositoryUid());
                yield jobAction(parameters, "clone", "CloneJob", spec, spec.getBackupJobCloneInfo().getJobName());
            }
            case getTask -> {
                String taskId = parameters.taskIdSegment();
                yield Call.read(() -> answer(api.get("/tasks/" + taskId, Task.class)));
            }
            case cancelTask -> {
                String taskId = parameters.taskIdSegment();
                yield Call.read(() -> answer(api.execute(EmRequest.delete("/tasks/" + taskId))));
            }
            case listHierarchyRoots -> Call.read(() -> answer(api.getList("/hierarchyRoots", EntityRef.class)));
            case lookup -> {
                String lookupPath = lookupPath(parameters);
                yield Call.read(() -> answer(api.getList(lookupPath, HierarchyItem.class)));
            }
            case listBackupSessions -> {
                BackupSessionQuery query = new BackupSessionQuery()
                        .sessionType(parameters.sessionType())
                        .jobName(parameters.jobName())
                        .results(parameters.sessionResult())
                        .condition("CreationTime", ">=", parameters.createdAfter())
                        .condition("CreationTime", "<", parameters.createdBefore());
                yield Call.read(() -> answer(query.readAll(api, config.getPageSize(), config.getMaxPages())));
            }
            case getBackupSession -> {
                String sessionId = parameters.backupSessionIdSegment();
                yield Call.read(() -> answer(
                        api.get("/backupSessions/" + sessionId + "?format=Entity", BackupJobSession.class)));
            }
            case listTaskSessions -> {
                String sessionId = parameters.backupSessionIdSegment();
                yield Call.read(() -> answer(api.getList("/backupSessions/" + sessionId + "/taskSessions" + FORMAT_ENTITY,
                        BackupTaskSession.class)));
            }
            case stopBackupSession -> {
                String sessionId = parameters.backupSessionIdSegment();
                yield Call.change("stopBackupSession|" + sessionId.toLowerCase(Locale.ROOT), "StopJobSession",
                        change -> start(EmRequest.post("/backupSessions/" + sessionId + "?action=stop", null), change));
            }
            case listBackupServers ->
                Call.read(() -> answer(api.getList("/backupServers" + FORMAT_ENTITY, BackupServer.class)));
            case listRepositories -> {
                String serverId = parameters.backupServerIdSegment();
                String path = serverId == null
                        ? "/repositories" + FORMAT_ENTITY
                        : "/backupServers/" + serverId + "/repositories" + FORMAT_ENTITY;
                yield Call.read(() -> answer(api.getList(path, Repository.class)));
            }
            case getRepository -> {
                String repositoryId = parameters.repositoryIdSegment();
                yield Call.read(() -> answer(api.get("/repositories/" + repositoryId + FORMAT_ENTITY, Repository.class)));
            }
            case getReport -> {
                Report report = Report.of(parameters.report());
                yield Call.read(() -> answer(api.get("/reports/summary/" + report.path, report.type)));
            }
            case listBackups -> Call.read(() -> answer(api.getList("/backups" + FORMAT_ENTITY, Backup.class)));
            case listRestorePoints -> {
                String backupId = parameters.backupIdSegment();
                String path = backupId == null
                        ? "/restorePoints" + FORMAT_ENTITY
                        : "/backups/" + backupId + "/restorePoints" + FORMAT_ENTITY;
                yield Call.read(() -> answer(api.getList(path, RestorePoint.class)));
            }
            case listVmRestorePoints -> {
                String vmName = parameters.vmName();
                Instant atOrBefore = parameters.restorePointTime();
                if (vmName == null) {
                    yield Call.read(() -> answer(api.getList("/vmRestorePoints" + FORMAT_ENTITY, VmRestorePoint.class)));
                }
                yield Call.read(() -> answer(QueryReader.readAll(api,
                        page -> vmRestorePointQuery(vmName, atOrBefore, config.getPageSize(), page), VmRestorePoint.class,
                        config.getMaxPages(), "VM restore points")));
            }
            case getVmRestorePoint -> {
                String pointId = parameters.vmRestorePointIdSegment();
                if (pointId != null) {
                    yield Call.read(() -> answer(
                            api.get("/vmRestorePoints/" + pointId + FORMAT_ENTITY, VmRestorePoint.class)));
                }
                String vmName = parameters.requiredVmName();
                Instant atOrBefore = parameters.restorePointTime();
                yield Call.read(() -> answer(newestVmRestorePoint(vmName, atOrBefore)));
            }
            case restoreVm -> restoreVm(parameters, config);
            case quickBackup -> quickBackup(parameters, config);
        };
    }

    /** The summary reports: the option's value, EM's path below /reports/summary and the model. */
    private enum Report {
        overview("overview", OverviewReport.class),
        jobStatistics("job_statistics", JobStatisticsReport.class),
        vmsOverview("vms_overview", VmsOverviewReport.class),
        repository("repository", RepositoryReport.class),
        processedVms("processed_vms", ProcessedVmsReport.class);

        private final String path;
        private final Class<?> type;

        Report(String path, Class<?> type) {
            this.path = path;
            this.type = type;
        }

        static Report of(String given) {
            for (Report report : values()) {
                if (report.name().equalsIgnoreCase(given)) {
                    return report;
                }
            }
            throw new IllegalArgumentException(
                    "The report '" + Echo.quote(given) + "' (header "
                                               + VeeamEmConstants.REPORT + " or option report) is not valid: expected one of "
                                               + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** The query of a VM's restore points, newest first, optionally created at or before an instant. */
    private static String vmRestorePointQuery(String vmName, Instant atOrBefore, int pageSize, int page) {
        String filter = "VmDisplayName==" + QueryReader.quoted(vmName)
                        + (atOrBefore == null ? "" : ";CreationTime<=" + QueryReader.quoted(atOrBefore.toString()));
        return "/query?type=VmRestorePoint&format=Entities&filter=" + encode(filter) + "&sortDesc=CreationTime&pageSize="
               + pageSize + "&page=" + page;
    }

    /** The VM's newest restore point (at or before the instant); none is an error. */
    private CompletableFuture<VmRestorePoint> newestVmRestorePoint(String vmName, Instant atOrBefore) {
        return api.getPage(vmRestorePointQuery(vmName, atOrBefore, 1, 1), VmRestorePoint.class).thenApply(page -> {
            List<VmRestorePoint> points = page.getEntities() == null ? List.of() : page.getEntities().items();
            if (points.isEmpty()) {
                throw new VeeamEmException(
                        "EM has no restore point of a VM named '" + Echo.quote(vmName) + "'"
                                           + (atOrBefore == null ? "" : " created at or before " + atOrBefore));
            }
            return points.get(0);
        });
    }

    /**
     * restoreVm: the POST of the restore spec (to the point given, or the VM's newest point), then, once its task
     * finished, the restore session the task links to, polled until it ended.
     */
    private Call restoreVm(ExchangeParameters parameters, VeeamEmConfiguration config) {
        RestoreSpec spec = new RestoreSpec(
                parameters.powerOnAfterRestore(), parameters.quickRollback(),
                parameters.keepOriginalVm());
        String pointId = parameters.vmRestorePointIdSegment();
        String target;
        Function<PendingChange, CompletableFuture<Outcome>> sender;
        if (pointId != null) {
            target = pointId;
            sender = change -> start(restore(pointId, spec), change);
        } else {
            String vmName = parameters.requiredVmName();
            Instant atOrBefore = parameters.restorePointTime();
            target = "vm:" + vmName + "@" + atOrBefore;
            sender = change -> newestVmRestorePoint(vmName, atOrBefore).thenCompose(point -> start(
                    restore(PathSegments.fromEm(point.getId(), "VmRestorePoint id"), spec), change));
        }
        long timeout = config.getRestoreTimeout();
        ResourcePoller.Settings settings = pollSettings(config, timeout);
        return Call.change("restoreVm|" + target.toLowerCase(Locale.ROOT), "StartVMRestore", sender)
                .afterTask((task, routeId) -> {
                    String sessionId = followedId(task, "RestoreSession", "restoreSessions", api.getConnection().getRoot());
                    String path = "/restoreSessions/" + sessionId + FORMAT_ENTITY;
                    return poller.pollUntil(routeId, "EM restore session " + sessionId,
                            () -> api.get(path, RestoreSession.class), RestoreSession::isEnded, settings,
                            last -> new VeeamEmSessionTimeoutException(
                                    "EM restore session " + sessionId, last,
                                    last == null ? null : last.getState(), timeout, "restoreTimeout"))
                            .thenApply(session -> {
                                if (!session.isSucceeded()) {
                                    throw new VeeamEmRestoreFailedException(session);
                                }
                                return new Followed(task, session);
                            });
                });
    }

    private static EmRequest restore(String pointId, RestoreSpec spec) {
        return EmRequest.post("/vmRestorePoints/" + pointId + "?action=restore", spec);
    }

    /**
     * quickBackup: the POST of the VM's reference to its backup server, then, once its task finished, the backup
     * session the task links to (with waitForSession, polled until it ended).
     */
    private Call quickBackup(ExchangeParameters parameters, VeeamEmConfiguration config) {
        String serverId = parameters.backupServerIdSegment();
        boolean byRef = parameters.hasHierarchyObjRef();
        if (!byRef && !parameters.hasObjectName()) {
            throw new IllegalArgumentException(
                    "No VM given: set the header " + VeeamEmConstants.HIERARCHY_OBJ_REF
                                               + " or the option hierarchyObjRef, or the VM's name (header "
                                               + VeeamEmConstants.OBJECT_NAME + " or option objectName) and hierarchyRootId");
        }
        String vmRef = byRef ? parameters.hierarchyObjRef() : null;
        String lookupPath = byRef ? null : lookupPath(parameters);
        String described = byRef
                ? null : parameters.objectType() + " objects named '" + parameters.objectName() + "' in "
                         + parameters.hierarchyRootUid();
        boolean wait = config.isWaitForSession();
        long timeout = config.getSessionTimeout();
        ResourcePoller.Settings settings = pollSettings(config, timeout);
        Function<PendingChange, CompletableFuture<Outcome>> sender = change -> backupServerId(serverId)
                .thenCompose(server -> (byRef
                        ? CompletableFuture.completedFuture(vmRef)
                        : api.getList(lookupPath, HierarchyItem.class)
                                .thenApply(found -> specFromLookup(found, described).getHierarchyObjRef()))
                        .thenCompose(ref -> start(EmRequest.post("/backupServers/" + server + "?action=quickbackup",
                                new QuickBackupStartupSpec(ref)), change)));
        return Call.change("quickBackup|" + serverId + "|" + (byRef ? vmRef : lookupPath).toLowerCase(Locale.ROOT),
                "QuickBackup", sender)
                .afterTask((task, routeId) -> {
                    String sessionId = followedId(task, "BackupJobSession", "backupSessions", api.getConnection().getRoot());
                    String path = "/backupSessions/" + sessionId + FORMAT_ENTITY;
                    if (!wait) {
                        return api.get(path, BackupJobSession.class).thenApply(session -> new Followed(task, session));
                    }
                    return poller.pollUntil(routeId, "EM backup session " + sessionId,
                            () -> api.get(path, BackupJobSession.class),
                            session -> "Stopped".equalsIgnoreCase(session.getState()), settings,
                            last -> new VeeamEmSessionTimeoutException(
                                    "EM backup session " + sessionId, last,
                                    last == null ? null : last.getState(), timeout, "sessionTimeout"))
                            .thenApply(session -> new Followed(task, session));
                });
    }

    /** The backup server given, or EM's only one; several without one given is an error. */
    private CompletableFuture<String> backupServerId(String given) {
        if (given != null) {
            return CompletableFuture.completedFuture(given);
        }
        return api.getList("/backupServers", EntityRef.class).thenApply(servers -> {
            if (servers.size() != 1) {
                throw new IllegalArgumentException(
                        (servers.isEmpty()
                                ? "EM manages no backup server" : "EM manages " + servers.size()
                                                                  + " backup servers ("
                                                                  + servers.stream().map(EntityRef::getName)
                                                                          .collect(Collectors.joining(", "))
                                                                  + ")")
                                                   + ": give the one to use in the header "
                                                   + VeeamEmConstants.BACKUP_SERVER_ID + " or the option backupServerId");
            }
            return PathSegments.fromEm(servers.get(0).getId(), "backup server id");
        });
    }

    private static ResourcePoller.Settings pollSettings(VeeamEmConfiguration config, long timeout) {
        return new ResourcePoller.Settings(
                config.getPollInitialDelay(), config.getPollMaxDelay(), timeout,
                config.getPollRetries());
    }

    /**
     * The id of what a finished task started, from its {@code Related} link of the type: only a link to
     * {@code /<collection>/<GUID>} (optionally {@code ?format=Entity}) on this component's API root is followed, so
     * that an answer cannot send the component, and its logon session, anywhere else.
     */
    static String followedId(Task task, String type, String collection, ApiRoot apiRoot) {
        Link link = task.getLinks().stream()
                .filter(candidate -> "Related".equalsIgnoreCase(candidate.getRel())
                        && type.equalsIgnoreCase(candidate.getType()))
                .findFirst()
                .orElseThrow(() -> new VeeamEmException(
                        "EM task " + task.getTaskId() + " (" + task.getOperation()
                                                        + ") finished without a Related " + type
                                                        + " link, so what it started cannot be followed"));
        URI root = URI.create(apiRoot.toString());
        String prefix = root.getRawPath() + "/" + collection + "/";
        URI href;
        try {
            href = link.getHref() == null ? null : new URI(link.getHref());
        } catch (URISyntaxException e) {
            href = null;
        }
        String path = href == null ? null : href.getRawPath();
        String id = path != null && path.regionMatches(true, 0, prefix, 0, prefix.length())
                ? path.substring(prefix.length()) : null;
        boolean valid = id != null && GUID.matcher(id).matches()
                && root.getScheme().equalsIgnoreCase(href.getScheme())
                && root.getRawAuthority().equalsIgnoreCase(href.getRawAuthority())
                && href.getRawUserInfo() == null && href.getRawFragment() == null
                && (href.getRawQuery() == null || "format=Entity".equalsIgnoreCase(href.getRawQuery()));
        if (!valid) {
            throw new VeeamEmException(
                    "EM task " + task.getTaskId() + " (" + task.getOperation() + ") links its " + type
                                       + " to '" + Echo.quote(String.valueOf(link.getHref())) + "', which is not "
                                       + prefix + "{id} on the API root " + root + "; it is not followed");
        }
        return id;
    }

    private Call addInclude(ExchangeParameters parameters, boolean idempotent) {
        JobReference job = parameters.job();
        if (parameters.hasHierarchyObjRef()) {
            CreateObjectInJobSpec spec = new CreateObjectInJobSpec(parameters.hierarchyObjRef(), parameters.objectName());
            return Call.change(key("addInclude", job, spec.getHierarchyObjRef()), UPDATE_JOB,
                    change -> onJob(job, path -> addInclude(path, spec, idempotent, change)));
        }
        String lookupPath = lookupPath(parameters);
        String described = parameters.objectType() + " objects named '" + Echo.quote(parameters.objectName()) + "' in "
                           + parameters.hierarchyRootUid();
        return Call.change(key("addInclude", job, lookupPath), UPDATE_JOB,
                change -> onJob(job, path -> api.getList(lookupPath, HierarchyItem.class)
                        .thenCompose(found -> addInclude(path, specFromLookup(found, described), idempotent, change))));
    }

    private CompletableFuture<Outcome> addInclude(
            String jobPath, CreateObjectInJobSpec spec, boolean idempotent, PendingChange change) {
        String includesPath = jobPath + "/includes";
        if (!idempotent) {
            return start(EmRequest.post(includesPath, spec), change);
        }
        return api.getList(includesPath, ObjectInJob.class).thenCompose(includes -> includes.stream()
                .anyMatch(include -> spec.getHierarchyObjRef().equalsIgnoreCase(include.getHierarchyObjRef()))
                        ? CompletableFuture.completedFuture(new AlreadyDone())
                        : start(EmRequest.post(includesPath, spec), change));
    }

    /** With idempotent, a 404 for an include the job (which exists) no longer lists means it was removed before. */
    private Call removeInclude(ExchangeParameters parameters, boolean idempotent) {
        String includeId = parameters.includeIdSegment();
        JobReference job = parameters.job();
        return Call.change(key("removeInclude", job, includeId), UPDATE_JOB, change -> onJob(job, path -> {
            String includesPath = path + "/includes";
            return start(EmRequest.delete(includesPath + "/" + includeId), change).exceptionallyCompose(failure -> {
                Throwable cause = Futures.unwrap(failure);
                if (!idempotent || !(cause instanceof VeeamEmApiException api404) || api404.getStatusCode() != NOT_FOUND) {
                    return CompletableFuture.failedFuture(cause);
                }
                return api.getList(includesPath, ObjectInJob.class).handle((includes, listFailure) -> {
                    if (listFailure == null && includes.stream()
                            .noneMatch(include -> includeId.equalsIgnoreCase(include.getObjectInJobId()))) {
                        return new AlreadyDone();
                    }
                    if (listFailure != null) {
                        cause.addSuppressed(Futures.unwrap(listFailure));
                    }
                    throw api404;
                });
            });
        }));
    }

    /** The one object of the lookup; none or several is an error. */
    private static CreateObjectInJobSpec specFromLookup(List<HierarchyItem> found, String described) {
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    (found.isEmpty() ? "No " : found.size() + " ") + described
                                               + (found.isEmpty()
                                                       ? "" : ": " + found.stream().map(HierarchyItem::getObjectRef)
                                                               .collect(Collectors.joining(", "))
                                                              + "; give the one to add in hierarchyObjRef"));
        }
        return new CreateObjectInJobSpec(found.get(0).getObjectRef(), found.get(0).getObjectName());
    }

    private static String lookupPath(ExchangeParameters parameters) {
        return "/lookup?host=" + encode(parameters.hierarchyRootUid()) + "&name=" + encode(parameters.objectName())
               + "&type=" + encode(parameters.objectType());
    }

    private Call jobAction(ExchangeParameters parameters, String action, String emOperation, Object body, String target) {
        JobReference job = parameters.job();
        return Call.change(key(action, job, target), emOperation,
                change -> onJob(job, path -> start(EmRequest.post(path + "?action=" + action, body), change)));
    }

    /** Settles a change whose answer was lost: follows its task if EM made one, else sends it again. */
    CompletableFuture<Outcome> settle(Call call, PendingChange change) {
        return api.settle(change).thenCompose(task -> task != null
                ? CompletableFuture.completedFuture(new Started(task))
                : call.send(change));
    }

    private CompletableFuture<Outcome> start(EmRequest request, PendingChange change) {
        return api.submit(request, change).thenApply(Started::new);
    }

    private static String key(String action, JobReference job, String target) {
        return action + "|" + (job.isName() ? job.name().toLowerCase(Locale.ROOT) : job.guid()) + "|"
               + target.toLowerCase(Locale.ROOT);
    }

    private static CompletableFuture<Outcome> answer(CompletableFuture<?> body) {
        return body.thenApply(Answer::new);
    }

    /** A read on the job's path ({@code /jobs/{id}}). */
    private Call read(ExchangeParameters parameters, Function<String, CompletableFuture<Outcome>> call) {
        JobReference job = parameters.job();
        return Call.read(() -> onJob(job, call));
    }

    /** Sends the call on the job's path ({@code /jobs/{id}}), resolving a job given by name first. */
    private CompletableFuture<Outcome> onJob(JobReference job, Function<String, CompletableFuture<Outcome>> call) {
        return jobId(job).thenCompose(id -> call.apply("/jobs/" + encode(id)));
    }

    /** A job given by name is looked up among EM's jobs; it must match exactly one, ignoring case. */
    private CompletableFuture<String> jobId(JobReference job) {
        if (!job.isName()) {
            return CompletableFuture.completedFuture(job.guid());
        }
        return api.getList("/jobs", EntityRef.class).thenApply(jobs -> {
            List<EntityRef> matches = jobs.stream().filter(ref -> job.name().equalsIgnoreCase(ref.getName())).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException(
                        (matches.isEmpty() ? "No job" : matches.size() + " jobs") + " named '" + Echo.quote(job.name())
                                                   + "' (header " + VeeamEmConstants.JOB_ID + " or option jobId)"
                                                   + (matches.isEmpty()
                                                           ? "" : ": " + matches.stream()
                                                                   .map(EntityRef::getUid).collect(Collectors.joining(", "))
                                                                  + "; give the job's id"));
            }
            return PathSegments.checkedFromEm(matches.get(0).getId(), "job Id");
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
