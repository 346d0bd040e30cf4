package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-process HTTP server that answers like Veeam Backup Enterprise Manager's REST API ({@code /api}), for tests.
 * <p>
 * Configure with the {@code with*} methods, then {@link #start()}; point the client at {@link #getBaseUrl()}. Every
 * setting except the port and TLS may also be changed while running; {@link #faults()} injects failures. Thread-safe.
 * See {@code docs/simulator.md}.
 */
public final class EmSimulator implements AutoCloseable {

    /** Key casing of JSON answers. */
    public enum JsonCasing {
        /** EM 12: PascalCase keys as the XML names ({@code TaskId}, {@code UID}). */
        EM12 {
            @Override
            String key(String name) {
                return name;
            }
        },
        /** EM 13: .NET camelCase ({@code taskId}, {@code uid}, {@code creationTimeUTC}, {@code href}). */
        EM13 {
            @Override
            String key(String name) {
                return camelCase(name);
            }
        };

        abstract String key(String name);

        /**
         * {@code System.Text.Json}'s rule: lower-case the leading upper-case run, except the capital that starts the
         * next word.
         */
        private static String camelCase(String name) {
            char[] chars = name.toCharArray();
            for (int i = 0; i < chars.length && Character.isUpperCase(chars[i]); i++) {
                if (i > 0 && i + 1 < chars.length && !Character.isUpperCase(chars[i + 1])) {
                    break;
                }
                chars[i] = Character.toLowerCase(chars[i]);
            }
            return new String(chars);
        }
    }

    /** The user accepted when no {@link #withUser(String, String)} was given. */
    public static final String DEFAULT_USERNAME = "veeam";
    public static final String DEFAULT_PASSWORD = "veeam";

    public static final String SEED_ORACLE_JOB_ID = "d1b85018-2769-45be-89bc-03f66b60e6cb";
    public static final String SEED_ORACLE01_INCLUDE_ID = "27a1d57f-7c15-43c6-9162-d05aff1c9bb9";
    public static final String SEED_ORACLE02_INCLUDE_ID = "83071dc0-44f2-49b6-b431-1cb79ed66639";
    public static final String SEED_EXCHANGE_JOB_ID = "455c0799-8242-4f4b-9c62-b87b7d3ab0c3";
    public static final String SEED_EXCH01_INCLUDE_ID = "8242bd6d-1aaf-41d7-9a11-e51fad56318f";
    /** The seed vCenter {@code vcenter01.lab.local}; its VMs' references are {@code urn:VMware:Vm:<this id>.vm-<n>}. */
    public static final String SEED_HIERARCHY_ROOT_ID = "93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd";
    public static final String SEED_HIERARCHY_ROOT_NAME = "vcenter01.lab.local";
    /** Oracle Backup, 20 hours before start, Success. */
    public static final String SEED_ORACLE_SUCCESS_SESSION_ID = "7a8e6f0d-52c1-4b7e-9a43-0e5d2b6c91f4";
    /** Oracle Backup, 8 hours before start, Failed: the job's last run, so it can be retried. */
    public static final String SEED_ORACLE_FAILED_SESSION_ID = "1f3c9b2e-8d47-4e6a-b5f0-6c2d8a9e7b13";
    /** Exchange Backup, 14 hours before start, Warning. */
    public static final String SEED_EXCHANGE_WARNING_SESSION_ID = "c4d21e7a-3b95-4f08-8e6d-5a7c0b1f2e98";

    /**
     * Repository {@code Default Backup Repository} (2 TiB, WindowsLocal): Oracle Backup and every other job write here.
     */
    public static final String SEED_DEFAULT_REPOSITORY_ID = "0d2e6bbd-3b2a-4a8e-8f0e-2f6c1f7d9c11";
    /** Repository {@code Linux Hardened Repository} (8 TiB, LinuxLocal): Exchange Backup writes here. */
    public static final String SEED_HARDENED_REPOSITORY_ID = "6c4b2a19-8e5f-4d7a-b3c1-9f0e2d4a6b88";
    /** The replica job {@code Web Replica} (web01, web02); not among {@code /api/jobs}. */
    public static final String SEED_WEB_REPLICA_JOB_ID = "b2f7c3d1-4e8a-4b6c-9d0f-1a2b3c4d5e6f";
    /** Web Replica, 6 hours before start, 9 min, Success. */
    public static final String SEED_WEB_REPLICA_SESSION_ID = "e5d4c3b2-a190-4f8e-8d7c-6b5a49382716";
    /** A finished restore of exch01 (2 hours before start, 12 min, Success). */
    public static final String SEED_EXCH01_RESTORE_SESSION_ID = "9c8b7a65-4321-4fed-8cba-0987654321fe";
    /** Discovered computer app01.lab.local (Linux, online). */
    public static final String SEED_LINUX_COMPUTER_ID = "3a9f1c7e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    /** Discovered computer fs01.lab.local (Windows, offline). */
    public static final String SEED_WINDOWS_COMPUTER_ID = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910";
    /**
     * Ids derived from the seed sessions (backups, restore points and task sessions are derived, see
     * docs/simulator.md).
     */
    public static final String SEED_ORACLE_BACKUP_ID = BackupCatalog.derivedId("Backup", SEED_ORACLE_JOB_ID);
    public static final String SEED_EXCHANGE_BACKUP_ID = BackupCatalog.derivedId("Backup", SEED_EXCHANGE_JOB_ID);
    public static final String SEED_ORACLE_RESTORE_POINT_ID
            = BackupCatalog.derivedId("RestorePoint", SEED_ORACLE_SUCCESS_SESSION_ID);
    public static final String SEED_EXCHANGE_RESTORE_POINT_ID
            = BackupCatalog.derivedId("RestorePoint", SEED_EXCHANGE_WARNING_SESSION_ID);
    public static final String SEED_ORACLE01_VM_RESTORE_POINT_ID
            = BackupCatalog.derivedId("VmRestorePoint", SEED_ORACLE_SUCCESS_SESSION_ID,
                    "urn:VMware:Vm:" + SEED_HIERARCHY_ROOT_ID + ".vm-48911");
    public static final String SEED_ORACLE02_VM_RESTORE_POINT_ID
            = BackupCatalog.derivedId("VmRestorePoint", SEED_ORACLE_SUCCESS_SESSION_ID,
                    "urn:VMware:Vm:" + SEED_HIERARCHY_ROOT_ID + ".vm-48912");
    public static final String SEED_EXCH01_VM_RESTORE_POINT_ID
            = BackupCatalog.derivedId("VmRestorePoint", SEED_EXCHANGE_WARNING_SESSION_ID,
                    "urn:VMware:Vm:" + SEED_HIERARCHY_ROOT_ID + ".vm-7870");

    private static final String SEED_VM_REF_PREFIX = "urn:VMware:Vm:" + SEED_HIERARCHY_ROOT_ID + ".";
    private static final int HTTP_THREADS = 8;
    private static final int ACCEPT_BACKLOG = 512;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final SimConfig config = new SimConfig();
    /** The settings as {@link #start()} found them, for {@link #reset()}. */
    private SimConfig startConfig;
    private volatile SimWorld world = new SimWorld(config);
    private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
    private final SimFaults faults = new SimFaults();
    private SSLContext tls;
    private HttpServer server;
    private String baseUrl;
    private ExecutorService httpExecutor;
    private ScheduledExecutorService scheduler;
    /** Every thread the simulator's executors made, joined by {@link #close()}. */
    private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
    private boolean closed;

    /**
     * Accepted credentials; may be called several times. Without any,
     * {@link #DEFAULT_USERNAME}/{@link #DEFAULT_PASSWORD} are.
     */
    public EmSimulator withUser(String user, String password) {
        config.addUser(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"));
        return this;
    }

    /** A session expires after this long without a request (default 15 minutes). */
    public EmSimulator withSessionIdleTimeout(Duration timeout) {
        config.sessionIdleTimeout = requireNotNegative(timeout, "timeout");
        return this;
    }

    /** How long a new task stays {@code Running} (default 500 ms). */
    public EmSimulator withTaskRunTime(Duration runTime) {
        config.taskRunTime = requireNotNegative(runTime, "runTime");
        return this;
    }

    /**
     * How long a task then stays {@code OperationFinished} before {@code Finished} (default 100 ms; zero skips the
     * state).
     */
    public EmSimulator withTaskCollectTime(Duration collectTime) {
        config.taskCollectTime = requireNotNegative(collectTime, "collectTime");
        return this;
    }

    /** JSON key casing (default {@link JsonCasing#EM12}). */
    public EmSimulator withJsonCasing(JsonCasing casing) {
        config.jsonCasing = Objects.requireNonNull(casing, "casing");
        return this;
    }

    /** Whether JSON bodies start with a UTF-8 byte order mark (default false). */
    public EmSimulator withJsonByteOrderMark(boolean byteOrderMark) {
        config.jsonByteOrderMark = byteOrderMark;
        return this;
    }

    /** The port to bind on 127.0.0.1 (default 0: an ephemeral port). Only before {@link #start()}. */
    public synchronized EmSimulator withPort(int port) {
        requireNotStarted("The port");
        config.port = port;
        return this;
    }

    /**
     * Serves HTTPS instead of HTTP, presenting the key store's private key and its certificate chain;
     * {@link #getBaseUrl()} becomes {@code https://localhost:<port>/api} so that a certificate for {@code localhost}
     * can match (the server still binds 127.0.0.1). Only before {@link #start()}.
     *
     * @param  keyPassword              the private key's password (for PKCS12, the store password)
     * @throws IllegalArgumentException if the key store holds no private key or the password does not open it
     */
    public synchronized EmSimulator withTls(KeyStore keyStore, char[] keyPassword) {
        requireNotStarted("TLS");
        tls = HttpServers.tlsContext(Objects.requireNonNull(keyStore, "keyStore"),
                Objects.requireNonNull(keyPassword, "keyPassword"));
        return this;
    }

    /** How long a session started by {@code ?action=start} or {@code retry} stays {@code Working} (default 1 s). */
    public EmSimulator withBackupSessionRunTime(Duration runTime) {
        config.backupSessionRunTime = requireNotNegative(runTime, "runTime");
        return this;
    }

    /** The result of every session that starts from now on (default {@code Success}); {@code None} is no end result. */
    public EmSimulator withNextBackupSessionResult(SimBackupSession.Result result) {
        if (Objects.requireNonNull(result, "result") == SimBackupSession.Result.None) {
            throw new IllegalArgumentException("A session ends with Success, Warning or Failed, not None");
        }
        config.nextBackupSessionResult = result;
        return this;
    }

    /**
     * Every answer from now on leaves this long after its request was handled (default zero): a slow EM or network.
     * Faulted answers wait it too, a {@link SimFaults#delayNext delayNext} one on top of its own delay; a dropped
     * connection closes at once. No thread waits meanwhile, so any number of requests may be pending.
     */
    public EmSimulator withAnswerDelay(Duration delay) {
        config.answerDelay = requireNotNegative(delay, "delay");
        return this;
    }

    /** How long a restore session runs: {@code Starting} for a quarter of it, then {@code Working} (default 1 s). */
    public EmSimulator withRestoreRunTime(Duration runTime) {
        config.restoreRunTime = requireNotNegative(runTime, "runTime");
        return this;
    }

    /** The next restore session to start (only that one) ends {@code Failed} with this {@code FailureMessage}. */
    public EmSimulator withNextRestoreFailure(String failureMessage) {
        config.nextRestoreFailure.set(Objects.requireNonNull(failureMessage, "failureMessage"));
        return this;
    }

    /** Every restore session (seeded and started), in id order (snapshot of the list; the sessions are live). */
    public List<SimRestoreSession> getRestoreSessions() {
        return world.catalog.restoreSessions();
    }

    /**
     * Whether {@link #start()} adds the demo jobs, sessions and inventory (default true); see the {@code SEED_*}
     * constants.
     */
    public EmSimulator withSeedData(boolean seedData) {
        config.seedData = seedData;
        return this;
    }

    /** Binds 127.0.0.1 and starts serving; seeds the demo jobs if enabled. */
    public synchronized EmSimulator start() {
        if (server != null) {
            throw new IllegalStateException("A simulator can be started only once");
        }
        startConfig = config.copy();
        if (config.seedData) {
            seed(world);
        }
        try {
            server = HttpServers.create(config.port, ACCEPT_BACKLOG, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the EM simulator to port " + config.port, e);
        }
        httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads(n -> "em-simulator-" + n));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(n -> "em-simulator-scheduler"));
        baseUrl = (tls == null ? "http://127.0.0.1:" : "https://localhost:") + server.getAddress().getPort() + "/api";
        world.router = routes(world);
        AnswerWriter writer = new AnswerWriter(new ResponseEncoder(config), config, new AnswerTimer(scheduler, httpExecutor));
        server.createContext("/", new EmHttpHandler(() -> world, writer, faults, requests));
        server.setExecutor(httpExecutor);
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>/api}, with TLS {@code https://localhost:<port>/api}; without trailing slash. */
    public synchronized String getBaseUrl() {
        requireStarted();
        return baseUrl;
    }

    public synchronized int getPort() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** Faults to inject into the next requests and tasks; usable before and after {@link #start()}. */
    public SimFaults faults() {
        return faults;
    }

    /**
     * Stops the server at once (open exchanges are cut) and returns once its threads have ended: its own daemon threads
     * and the JDK server's non-daemon {@code HTTP-Dispatcher} thread, which {@code HttpServer.stop} ends.
     */
    @Override
    public synchronized void close() {
        if (server == null || closed) {
            return;
        }
        closed = true;
        server.stop(0);
        httpExecutor.shutdownNow();
        scheduler.shutdownNow();
        try {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            httpExecutor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            scheduler.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            // a terminated pool may still have threads on their way out
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Puts the running simulator back as {@link #start()} left it, on the same port: the settings it had then (users,
     * run times, answer delay, JSON casing...), the seed data (if enabled) and nothing else, no logon session (a client
     * still holding one gets {@code 401} and logs on again, as after an EM restart), no pending fault, no recorded
     * request, counters at zero. Work still running (a task, a delayed answer) finishes on the old data, out of sight.
     * Between tests: the JUnit extension {@code dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension} calls it
     * before each test.
     *
     * @throws IllegalStateException if the simulator is not started or is closed
     */
    public synchronized void reset() {
        requireStarted();
        if (closed) {
            throw new IllegalStateException("The simulator is closed");
        }
        config.restore(startConfig);
        faults.clear();
        SimWorld fresh = new SimWorld(config);
        if (config.seedData) {
            seed(fresh);
        }
        fresh.router = routes(fresh);
        world = fresh;
        requests.clear();
    }

    /**
     * Adds a job.
     *
     * @param  jobId                    the job GUID (bare, as in {@code /api/jobs/<guid>})
     * @throws IllegalArgumentException if the id is not a GUID or the job exists
     */
    public SimJob addJob(String jobId, String name) {
        return world.jobs.add(new SimJob(jobId, name));
    }

    /** The job with this GUID (any letter case), if present. */
    public Optional<SimJob> getJob(String jobId) {
        return Ids.guid(jobId).flatMap(world.jobs::find);
    }

    /** Forgets every job and, with them, every backup session. */
    public void removeAllJobs() {
        SimWorld w = world;
        w.jobs.clear();
        w.backupSessions.clear();
        w.catalog.clearSessionData();
    }

    /**
     * Adds a finished or running session to a job (a {@code Working} one stays so until {@code ?action=stop}).
     *
     * @param  endTime                  {@code null} for none (EM leaves {@code EndTimeUTC} out)
     * @return                          the session, with a new GUID
     * @throws IllegalArgumentException if there is no such job
     */
    public SimBackupSession addBackupSession(
            String jobId, SimBackupSession.State state, SimBackupSession.Result result,
            Instant creationTime, Instant endTime) {
        return addBackupSession(UUID.randomUUID().toString(), jobId, state, result, creationTime, endTime);
    }

    /** The job's sessions (GUID in any letter case), oldest first; empty for an unknown job. */
    public List<SimBackupSession> getBackupSessions(String jobId) {
        return Ids.guid(jobId).map(world.backupSessions::ofJob).orElse(List.of()).stream()
                .sorted(Comparator.comparing(SimBackupSession::getCreationTime))
                .toList();
    }

    /**
     * Adds a hierarchy root (a vCenter) for {@code /api/hierarchyRoots} and {@code /api/lookup}; add its VMs with
     * {@link SimHierarchyRoot#addVm(String, String)}.
     *
     * @throws IllegalArgumentException if the id is not a GUID or the root exists
     */
    public SimHierarchyRoot addHierarchyRoot(String rootGuid, String name) {
        return world.inventory.add(new SimHierarchyRoot(rootGuid, name));
    }

    /** Every request received so far, failed ones included, in arrival order. */
    public List<RecordedRequest> getRequests() {
        return List.copyOf(requests);
    }

    /** The requests with this method whose raw path matches {@code pathRegex} entirely. */
    public List<RecordedRequest> getRequests(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return getRequests().stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && path.matcher(r.path()).matches())
                .toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Successful logons so far. */
    public int getLogonCount() {
        return world.sessions.logonCount();
    }

    /** Sessions neither expired nor logged off. */
    public int getActiveSessionCount() {
        return world.sessions.activeCount();
    }

    /** Expires every current session now: their tokens answer 401 from the next request on. */
    public void expireAllSessions() {
        world.sessions.expireAll();
    }

    private SimBackupSession addBackupSession(
            String sessionId, String jobId, SimBackupSession.State state,
            SimBackupSession.Result result, Instant creationTime, Instant endTime) {
        return addBackupSession(world, sessionId, jobId, state, result, creationTime, endTime);
    }

    private static SimBackupSession addBackupSession(
            SimWorld w, String sessionId, String jobId, SimBackupSession.State state,
            SimBackupSession.Result result, Instant creationTime, Instant endTime) {
        SimJob job = Ids.guid(jobId).flatMap(w.jobs::find).orElseThrow(() -> new IllegalArgumentException("No job " + jobId));
        return w.backupSessions.add(new SimBackupSession(sessionId, job, false, state, result, creationTime, endTime));
    }

    private static void seed(SimWorld w) {
        w.jobs.add(new SimJob(SEED_ORACLE_JOB_ID, "Oracle Backup"))
                .addInclude(SEED_ORACLE01_INCLUDE_ID, SEED_VM_REF_PREFIX + "vm-48911", "oracle01")
                .addInclude(SEED_ORACLE02_INCLUDE_ID, SEED_VM_REF_PREFIX + "vm-48912", "oracle02");
        w.jobs.add(new SimJob(SEED_EXCHANGE_JOB_ID, "Exchange Backup"))
                .addInclude(SEED_EXCH01_INCLUDE_ID, SEED_VM_REF_PREFIX + "vm-7870", "exch01");
        w.inventory.add(new SimHierarchyRoot(SEED_HIERARCHY_ROOT_ID, SEED_HIERARCHY_ROOT_NAME))
                .addVm(SEED_VM_REF_PREFIX + "vm-48911", "oracle01")
                .addVm(SEED_VM_REF_PREFIX + "vm-48912", "oracle02")
                .addVm(SEED_VM_REF_PREFIX + "vm-7870", "exch01")
                .addVm(SEED_VM_REF_PREFIX + "vm-101", "web01")
                .addVm(SEED_VM_REF_PREFIX + "vm-102", "web02")
                .addVm(SEED_VM_REF_PREFIX + "vm-201", "dup-vm")
                .addVm(SEED_VM_REF_PREFIX + "vm-202", "dup-vm");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        seedSession(w, SEED_ORACLE_SUCCESS_SESSION_ID, SEED_ORACLE_JOB_ID, SimBackupSession.Result.Success,
                now.minus(20, ChronoUnit.HOURS),
                Duration.ofMinutes(14));
        seedSession(w, SEED_ORACLE_FAILED_SESSION_ID, SEED_ORACLE_JOB_ID, SimBackupSession.Result.Failed,
                now.minus(8, ChronoUnit.HOURS),
                Duration.ofMinutes(3));
        seedSession(w, SEED_EXCHANGE_WARNING_SESSION_ID, SEED_EXCHANGE_JOB_ID, SimBackupSession.Result.Warning,
                now.minus(14, ChronoUnit.HOURS), Duration.ofMinutes(31));
        CatalogSeed.seed(w.catalog, SEED_VM_REF_PREFIX, now);
        w.backupSessions.all().forEach(w.catalog::vmsOf); // fix the seed sessions' VMs now, whatever tests later do to the jobs
    }

    private static void seedSession(
            SimWorld w, String sessionId, String jobId, SimBackupSession.Result result, Instant creationTime,
            Duration length) {
        addBackupSession(w, sessionId, jobId, SimBackupSession.State.Stopped, result, creationTime, creationTime.plus(length));
    }

    /** The routes serving one world, on this simulator's base URL and scheduler. */
    private Router routes(SimWorld w) {
        EmLinks links = new EmLinks(baseUrl);
        EmDocuments documents = new EmDocuments(links);
        JobDocuments jobDocuments = new JobDocuments(links, documents);
        BackupSessionDocuments sessionDocuments = new BackupSessionDocuments(links);
        TaskRunner taskRunner = new TaskRunner(scheduler, config, faults);
        Router router = new Router();
        new EntryPointResource(documents).addRoutes(router);
        new LogonSessionResource(w.sessions, config, documents).addRoutes(router);
        new JobResource(w.jobs, jobDocuments).addRoutes(router);
        new JobActionResource(w.jobs, taskRunner, new BackupSessionRunner(w.backupSessions, scheduler, config), documents)
                .addRoutes(router);
        new JobIncludeResource(w.jobs, taskRunner, documents).addRoutes(router);
        new BackupSessionResource(w.backupSessions, w.jobs, sessionDocuments, taskRunner, documents).addRoutes(router);
        new InventoryResource(w.inventory, new InventoryDocuments(links)).addRoutes(router);
        CatalogDocuments catalogDocuments = new CatalogDocuments(links, w.catalog);
        SessionDetailDocuments detailDocuments = new SessionDetailDocuments(links, w.catalog);
        new CatalogResource(
                w.catalog, catalogDocuments, taskRunner, new RestoreRunner(w.catalog, scheduler, config),
                new BackupSessionRunner(w.backupSessions, scheduler, config), documents).addRoutes(router);
        new SessionDetailResource(w.catalog, w.backupSessions, detailDocuments).addRoutes(router);
        new ReportResource(links, w.jobs, w.backupSessions, w.catalog).addRoutes(router);
        new QueryResource(
                List.of(QueryTypes.backupJobSession(w.backupSessions, sessionDocuments), QueryTypes.job(w.jobs, jobDocuments),
                        QueryTypes.repository(w.catalog, catalogDocuments), QueryTypes.backupServer(catalogDocuments),
                        QueryTypes.replicaJobSession(w.catalog, detailDocuments),
                        QueryTypes.vmRestorePoint(w.catalog, catalogDocuments),
                        QueryTypes.backupTaskSession(w.catalog, detailDocuments)),
                new QueryDocuments(links)).addRoutes(router);
        new TaskResource(documents).addRoutes(router);
        return router;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("The simulator is not started");
        }
    }

    private void requireNotStarted(String what) {
        if (server != null) {
            throw new IllegalStateException(what + " cannot change once the simulator is started");
        }
    }

    private static Duration requireNotNegative(Duration duration, String what) {
        if (Objects.requireNonNull(duration, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + duration);
        }
        return duration;
    }

    private ThreadFactory daemonThreads(IntFunction<String> names) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, names.apply(count.incrementAndGet()));
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }
}
