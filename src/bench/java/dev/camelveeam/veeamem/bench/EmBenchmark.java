package dev.camelveeam.veeamem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.bench.IncludeSupply.Include;
import dev.camelveeam.veeamem.bench.ProcessProbe.LiveThread;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The performance benchmark of the veeam-em component against the embedded EM simulator on loopback. Not a unit test:
 * run it with {@code mvn -B -Pbench verify -DskipTests} (see docs/benchmarks.md); {@code -Dbench.phases=...} selects
 * phases ({@link BenchSettings#ALL_PHASES}). The phases:
 * <ol>
 * <li>{@code inflight}: {@code bench.inFlight} tasks in flight (each running {@code bench.inFlightTaskSeconds} on the
 * simulator): threads added by the component, heap per task, how far behind schedule the polls reach the simulator, the
 * completion delay; then the same load through {@link MinimalAsyncEmClient} for its poll lateness;</li>
 * <li>{@code submit}: how long a submission holds the calling thread while the simulator answers every request after
 * {@code bench.answerDelayMillis};</li>
 * <li>{@code latency}: the time per {@code removeInclude} (task finishing at once) through the component and through
 * both minimal clients, per first-poll delay, in interleaved rounds, and, for reference, through the async minimal
 * client with its result handed to another thread (the least code that keeps the component's execution model);</li>
 * <li>{@code slowstep}: exchanges on a route with a slow step after the component, and a stream of exchanges on another
 * route whose completion should stay on schedule;</li>
 * <li>{@code polls}: the polls the component makes for one long task with {@code pollInitialDelay=0};</li>
 * <li>{@code throughput}: closed loop at each concurrency;</li>
 * <li>{@code sweep}: the completion delay over a sweep of task run times;</li>
 * <li>{@code breakdown}: in-process micro-measurements of the steps the component adds;</li>
 * </ol>
 * and, for every phase, the requests each client sent per operation, from the simulator's request log. The report
 * (summary table of the targets first) is printed and written to {@code target/bench/benchmark-report.md}.
 */
public final class EmBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-Pa55&word";
    private static final String INDEX_HEADER = "BenchIndex";
    private static final Path REPORT = Path.of("target", "bench", "benchmark-report.md");
    /** Default first-poll delay of the component (ms), used by the routes without poll options. */
    private static final long DEFAULT_INITIAL_DELAY = 200;

    private final BenchSettings settings;
    private final EmSimulator sim;
    private final IncludeSupply supply;
    private final RequestLog requestLog;
    private final StringBuilder report = new StringBuilder();
    private final Verdicts verdicts = new Verdicts();
    private final Map<String, RequestCount> requestsByPhase = new LinkedHashMap<>();
    private final Map<String, Long> opsByPhase = new LinkedHashMap<>();
    private final Map<String, Double> expectedPollsByPhase = new LinkedHashMap<>();
    private MinimalEmClient minimal;
    private MinimalAsyncEmClient minimalAsync;
    /**
     * The {@code latency} phase's minimal async + hand-off: a cached pool hands the result to an idle thread, as
     * {@code RouteWorkPool} does.
     */
    private final ExecutorService handOff = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-handoff");
        thread.setDaemon(true);
        return thread;
    });
    /** Camel contexts started, each with its own veeam-em component and so its own logon. */
    private int contexts;

    private EmBenchmark(BenchSettings settings, EmSimulator sim) {
        this.settings = settings;
        this.sim = sim;
        this.supply = new IncludeSupply(sim, 16);
        this.requestLog = new RequestLog(sim);
        declareTargets();
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int exitCode = 0;
        EmBenchmark bench = null;
        EmSimulator configured = new EmSimulator().withUser(USER, PASSWORD);
        for (int op = 0; op < AdaptivePhase.OPERATIONS; op++) {
            configured.withUser(AdaptivePhase.user(op), PASSWORD);
        }
        try (EmSimulator sim = configured.withSeedData(false)
                .withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO).start()) {
            bench = new EmBenchmark(settings, sim);
            bench.run();
            if (!bench.failedPhases.isEmpty()) {
                System.err.println("[bench] phases failed: " + bench.failedPhases.keySet());
                exitCode = 1;
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            exitCode = 1;
        }
        if (bench != null) {
            String text = bench.fullReport();
            System.out.println();
            System.out.println(text);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text);
            System.out.println("Report written to " + REPORT.toAbsolutePath());
        }
        System.exit(exitCode);
    }

    private void run() throws Exception {
        machine();
        minimal = new MinimalEmClient(sim.getBaseUrl(), USER, PASSWORD);
        minimalAsync = new MinimalAsyncEmClient(sim.getBaseUrl(), USER, PASSWORD);
        try {
            minimal.logOn();
            minimalAsync.logOn();
            // every simulator thread and both minimal clients' threads exist before any baseline is taken
            for (Include include : supply.next(64)) {
                minimal.removeInclude(include.jobId(), include.includeId(), settings.backoff(0));
                minimalAsync.removeInclude(include.jobId(), supply.next().includeId(), settings.backoff(0)).get();
            }
            phase("inflight", List.of("threads", "heap", "lateness"), this::inFlight);
            CamelContext context = newContext(routes());
            try {
                ProducerTemplate template = context.createProducerTemplate();
                // every phase starts logged on: a few operations through the context whatever the phases
                for (Include include : supply.next(32)) {
                    viaComponent(template, latencyRoute(0), include);
                }
                if (settings.runs("latency") || settings.runs("throughput") || settings.runs("breakdown")) {
                    // log on before the measured phases (each of them starts logged on), and let the JIT compile
                    // every client's path
                    progress("warm-up: " + settings.warmupOps() + " operations through each client");
                    for (Include include : supply.next(settings.warmupOps())) {
                        viaComponent(template, latencyRoute(0), include);
                    }
                    for (Include include : supply.next(settings.warmupOps())) {
                        minimal.removeInclude(include.jobId(), include.includeId(), settings.backoff(0));
                    }
                    for (Include include : supply.next(settings.warmupOps())) {
                        minimalAsync.removeInclude(include.jobId(), include.includeId(), settings.backoff(0)).get();
                    }
                }
                requestLog.drain();
                phase("submit", List.of("submit"), () -> submit(context));
                phase("latency", List.of("latency0", "latency1"), () -> latency(template));
                phase("slowstep", List.of("slowstep"), () -> slowStep(context));
                phase("polls", List.of("polls"), () -> pollsOfLongTask(context));
                phase("throughput", List.of(), () -> throughput(template));
                phase("sweep", List.of("cap"), () -> completionDelaySweep(context));
                phase("breakdown", List.of(), () -> breakdown(context, template));
                phase("adaptive", List.of("adaptiveP50", "adaptivePolls", "adaptiveBounds"), this::adaptive);
            } finally {
                context.stop();
            }
            requestsPerOperation();
            verdicts();
        } finally {
            minimal.close();
            minimalAsync.close();
            handOff.shutdownNow();
        }
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** Phases that failed, by name: the run goes on with the next phase and ends with status 1. */
    private final Map<String, String> failedPhases = new LinkedHashMap<>();

    /**
     * Runs a phase if selected. A phase that fails (an operation failed, or the component refused work) is reported as
     * such, its targets "not met" with the reason, and the run goes on with the next phase.
     */
    private void phase(String name, List<String> targets, Phase phase) {
        if (!settings.runs(name)) {
            return;
        }
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = e + (root != e ? " (root cause: " + root + ")" : "");
            failedPhases.put(name, reason);
            line("## Phase `" + name + "` failed");
            line("");
            line("`" + reason.replace('`', '\'') + "`");
            line("");
            for (String target : targets) {
                verdicts.set(target, "phase failed: " + reason.replace('|', '/'), false);
            }
            requestLog.drain();
            sim.withTaskRunTime(Duration.ZERO);
            sim.withAnswerDelay(Duration.ZERO);
        }
    }

    /** The report: the machine and settings, the summary of the targets, then every phase's section. */
    private String fullReport() {
        int cut = report.indexOf(SUMMARY_MARK);
        String summary = "## Summary: the targets\n\n" + verdicts.table() + "\n";
        return cut < 0 ? report + summary : report.substring(0, cut) + summary + report.substring(cut + SUMMARY_MARK.length());
    }

    private static final String SUMMARY_MARK = "<!-- summary -->\n";

    private void declareTargets() {
        verdicts.declare("submit", "Caller held ≤ 0.1 ms per submission (p50), simulator answering every request after "
                                   + settings.answerDelayMillis() + " ms");
        verdicts.declare("threads", "≤ 8 threads added by the component with 10,000 tasks in flight");
        verdicts.declare("heap", "≤ 3 KB heap per in-flight task (10,000 in flight)");
        verdicts.declare("lateness", "Polls ≤ 50 ms behind schedule at p99 with 10,000 in flight (or, where the"
                                     + " simulator is the limit, no further behind than the minimal client's)");
        verdicts.declare("slowstep", "A " + settings.slowStepMillis() + " ms step after the component does not delay"
                                     + " other exchanges: their completion within 50 ms of schedule");
        verdicts.declare("latency0", "Time per removeInclude ≤ 1.15 × the minimal client, pollInitialDelay = 0"
                                     + " (per-op p50, ≥ 3,000 ops each, interleaved)");
        verdicts.declare("latency1", "Time per removeInclude ≤ 1.05 × the minimal client, pollInitialDelay ≥ 1 ms"
                                     + " (per-op p50, ≥ 3,000 ops each, interleaved)");
        verdicts.declare("polls", "pollInitialDelay = 0 on a " + settings.longTaskMillis() + " ms task: ≤ 12 polls");
        verdicts.declare("adaptiveP50", "Adaptive polling, mixed workload (medians 50 ms–60 s, two changing): per"
                                        + " operation, median delay ≤ 10 % of run time + 50 ms and p95 ≤ 25 % + 100 ms");
        verdicts.declare("adaptivePolls", "Adaptive polling: mean polls per task ≤ plain doubling's on the same workload");
        verdicts.declare("adaptiveBounds", "Adaptive polling within the back-off bounds: polls ≥ 100 ms apart (90 as"
                                           + " received), ≤ pollMaxDelay apart and every task noticed within it (+ 500 ms: as received, on a loaded machine)");
        verdicts.declare("requests", "No request beyond the operation and its polls; no per-operation logon");
        verdicts.declare("cap", "Completion noticed within the poll back-off cap (" + settings.pollMaxDelay()
                                + " ms) of the task finishing");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // machine and settings

    private void machine() throws IOException {
        line("# veeam-em benchmark report");
        line("");
        line("Run " + ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ".");
        line("");
        line("| Machine | |");
        line("|---|---|");
        line("| CPUs (nproc) | " + Runtime.getRuntime().availableProcessors() + " |");
        line("| CPU model | " + cpuModel() + " |");
        line("| Load average at start (1/5/15 min) | " + loadAverage() + " |");
        line("| Memory | " + ProcessProbe.totalPhysicalMemory() / (1024 * 1024) + " MiB |");
        line("| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
             + System.getProperty("os.arch") + " |");
        line("| JDK | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |");
        line("| JVM options | `" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "` |");
        line("| Heap max | " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB |");
        line("");
        line("Settings: " + settings + ".");
        if (settings.contextMaxQueueSize() != null) {
            line("");
            line("**Workaround in force:** `bench.contextMaxQueueSize=" + settings.contextMaxQueueSize() + "`: the Camel"
                 + " contexts' default thread pool profile has this queue size (Camel's default is 1000), which also"
                 + " bounds the component's scheduler queue. Figures of this run are not those of the component as"
                 + " configured by default.");
        }
        line("");
        line("Poll schedule of every client: first poll D ms after the 202 (at once for D = 0), each later delay twice the"
             + " previous one, at least " + settings.pollFloor() + " ms (`bench.pollFloorMillis`), at most "
             + settings.pollMaxDelay() + " ms. The simulator's request log is drained "
             + (requestLog.lossless()
                     ? "losslessly (its queue, polled empty)" : "with getRequests + clearRequests (may lose requests)")
             + ".");
        line("");
        report.append(SUMMARY_MARK);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return "unknown";
        }
        String[] parts = Files.readString(loadavg).trim().split("\\s+");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        return Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Camel

    /** The older phases' targets are stated against the back-off schedule: their routes keep plain back-off. */
    private String veeamUri(String pollOptions) {
        return "veeam-em:removeInclude?baseUrl=" + sim.getBaseUrl() + "&username=" + USER + "&password=RAW(" + PASSWORD
               + ")&pollStrategy=backoff" + pollOptions;
    }

    private String pollOptions(long initialDelay) {
        return "&pollInitialDelay=" + initialDelay + "&pollMaxDelay=" + settings.pollMaxDelay();
    }

    private static String latencyRoute(long initialDelay) {
        return "direct:remove-" + initialDelay;
    }

    /** One route per initial poll delay (the throughput one and 0 included). */
    private Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put(latencyRoute(0), veeamUri(pollOptions(0)));
        for (long delay : settings.pollInitialDelays()) {
            routes.put(latencyRoute(delay), veeamUri(pollOptions(delay)));
        }
        routes.put(latencyRoute(settings.throughputPollInitialDelay()),
                veeamUri(pollOptions(settings.throughputPollInitialDelay())));
        return routes;
    }

    /** Completion instants (epoch microseconds) stamped by the route right after the veeam-em step, by index. */
    private static final class Stamps {
        final long[] completedMicros;
        final int[] taskNumbers;
        final AtomicInteger completed = new AtomicInteger();

        Stamps(int size) {
            completedMicros = new long[size];
            taskNumbers = new int[size];
        }
    }

    private static final AtomicReference<Stamps> STAMPS = new AtomicReference<>();

    /**
     * A context with the given {@code direct:} routes, plus {@code direct:stamped} (default poll settings, stamps the
     * completion), {@code direct:slowstep} (default poll settings, then a blocking step of bench.slowStepMillis),
     * {@code direct:submit} (pollInitialDelay=0) and {@code direct:polls} (pollInitialDelay=0).
     */
    private CamelContext newContext(Map<String, String> routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        if (settings.contextMaxQueueSize() != null) {
            // a workaround knob, off by default: the thread pools Camel creates from its default profile (a component's
            // scheduler among them) queue at most 1000 tasks unless told otherwise
            context.getExecutorServiceManager().getDefaultThreadPoolProfile().setMaxQueueSize(settings.contextMaxQueueSize());
        }
        long slowStep = settings.slowStepMillis();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.forEach((from, to) -> from(from).to(to));
                from("direct:stamped").routeId("stamped").to(veeamUri("")).process(EmBenchmark::stamp);
                from("direct:slowstep").routeId("slowstep").to(veeamUri("")).process(exchange -> Thread.sleep(slowStep));
                from("direct:submit").routeId("submit").to(veeamUri(pollOptions(0)));
                from("direct:polls").routeId("polls").to(veeamUri(pollOptions(0)));
            }
        });
        context.start();
        contexts++;
        return context;
    }

    private static void stamp(Exchange exchange) {
        Integer index = exchange.getMessage().getHeader(INDEX_HEADER, Integer.class);
        Stamps stamps = STAMPS.get();
        if (index != null && stamps != null) {
            stamps.completedMicros[index] = micros(Instant.now());
            String taskId = exchange.getMessage().getHeader(VeeamEmConstants.TASK_ID, String.class);
            if (taskId != null && taskId.startsWith("task-")) {
                stamps.taskNumbers[index] = Integer.parseInt(taskId.substring("task-".length()));
            }
            stamps.completed.incrementAndGet();
        }
    }

    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }

    private static long nowMicros() {
        return micros(Instant.now());
    }

    private static void headers(Exchange exchange, Include include) {
        exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, include.jobId());
        exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, include.includeId());
    }

    /**
     * removeInclude through the component; fails loudly unless the exchange ends with the Finished, successful task.
     */
    private static void viaComponent(ProducerTemplate template, String route, Include include) {
        Exchange result = template.request(route, exchange -> headers(exchange, include));
        checkFinished(result);
    }

    private static void checkFinished(Exchange result) {
        String problem = problemOf(result);
        if (problem != null) {
            throw new IllegalStateException(problem, result.getException());
        }
    }

    /** Why the exchange did not end with the Finished, successful task, or null if it did. */
    private static String problemOf(Exchange result) {
        if (result.getException() != null) {
            return "exchange failed: " + result.getException();
        }
        Task task = result.getMessage().getBody(Task.class);
        if (task == null || !task.isFinished() || task.isFailed()) {
            return "exchange did not end with a successful Finished task: " + task;
        }
        return null;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. tasks in flight

    private void inFlight() throws Exception {
        int n = settings.inFlight();
        Duration taskTime = Duration.ofSeconds(settings.inFlightTaskSeconds());
        Backoff schedule = settings.backoff(DEFAULT_INITIAL_DELAY);
        sim.withTaskRunTime(Duration.ZERO);

        // the simulator's own heap per task in flight, measured first, on a quiet simulator: the same number of
        // tasks started by the minimal client, which keeps only their ids
        progress("in flight: the simulator's heap per task (" + n + " tasks)");
        List<Include> simIncludes = supply.next(n);
        String[] simTaskIds = new String[n];
        requestLog.drain();
        sim.withTaskRunTime(taskTime);
        long simBefore = ProcessProbe.classHistogram().totalBytes();
        long simStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            simTaskIds[i] = minimal.startRemoveInclude(simIncludes.get(i).jobId(), simIncludes.get(i).includeId());
        }
        long simElapsed = (System.nanoTime() - simStart) / 1_000_000;
        requestLog.drain();
        long simInFlight = ProcessProbe.classHistogram().totalBytes();
        sim.withTaskRunTime(Duration.ZERO);
        double simKbPerTask = (simInFlight - simBefore) / 1024.0 / n;
        // let those tasks finish before the component's run starts
        Thread.sleep(Math.max(0, taskTime.toMillis() - simElapsed) + 500);
        simIncludes = null;

        progress("in flight: " + n + " tasks of " + taskTime.toSeconds() + " s through the component");
        ThreadPoolExecutor senders = (ThreadPoolExecutor) Executors.newFixedThreadPool(settings.senderThreads(),
                named("bench-sender-"));
        senders.prestartAllCoreThreads();
        List<Include> warmup = supply.next(32);
        List<Include> includes = supply.next(n);
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(includes.get(i).includeId(), i);
        }
        PollRecorder recorder = new PollRecorder(RequestCount.COMPONENT_AGENT, indexOf, n, n * 16);
        Stamps stamps = new Stamps(n);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<PollRecorder.Window> pauses = new ArrayList<>();

        long heapBefore = ProcessProbe.classHistogram().totalBytes();
        List<LiveThread> threadsBefore = ProcessProbe.liveThreads();
        ProcessProbe.resetPeakThreadCount();

        CamelContext context = newContext(Map.of());
        List<LiveThread> threadsInFlight;
        List<LiveThread> threadsStarted;
        long heapStarted;
        long heapInFlight;
        long heapAfter;
        double snapshotSeconds;
        int peakThreads;
        double acceptSeconds;
        double sentSeconds;
        int completedAtSnapshot;
        ProcessProbe.Histogram histogramStarted;
        ProcessProbe.Histogram histogramInFlight;
        RequestCount requests;
        boolean measured = false;
        try {
            // Non-threaded async mode: asyncSend runs on the calling (sender) thread, which the component keeps as long
            // as its process() does not return
            ProducerTemplate template = context.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            for (Include include : warmup) {
                checkFinished(template.request("direct:stamped", exchange -> headers(exchange, include)));
            }
            sim.withTaskRunTime(taskTime);
            requestLog.drain();
            histogramStarted = ProcessProbe.classHistogram();
            heapStarted = histogramStarted.totalBytes();
            threadsStarted = ProcessProbe.liveThreads();
            STAMPS.set(stamps);

            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int index = i;
                Include include = includes.get(i);
                senders.execute(() -> {
                    template.asyncSend("direct:stamped", exchange -> {
                        headers(exchange, include);
                        exchange.getMessage().setHeader(INDEX_HEADER, index);
                    }).whenComplete((exchange, error) -> {
                        String problem = error != null ? error.toString() : problemOf(exchange);
                        if (problem != null) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, problem);
                        }
                        finished.incrementAndGet();
                    });
                    accepted.incrementAndGet();
                });
            }
            includes = null;
            // keep the request log short (and the times it holds) while the DELETEs go out
            RequestCount[] counted = { new RequestCount(0, 0, 0, 0, 0) };
            java.util.function.Consumer<List<RecordedRequest>> keep = log -> {
                recorder.keep(log);
                counted[0] = counted[0].plus(RequestCount.of(log, RequestCount.COMPONENT_AGENT));
            };
            long deadline = start + Duration.ofSeconds(300).toNanos();
            double accept = -1;
            while (recorder.deletes() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
                failFast(failed, firstFailure);
                if (accept < 0 && accepted.get() == n) {
                    accept = (System.nanoTime() - start) / 1e9;
                }
                keep.accept(requestLog.drain());
            }
            if (recorder.deletes() < n) {
                throw new IllegalStateException("only " + recorder.deletes() + " of " + n + " DELETEs reached the simulator");
            }
            waitFor(() -> accepted.get() == n, Duration.ofSeconds(120), "all submissions returned");
            acceptSeconds = accept < 0 ? (System.nanoTime() - start) / 1e9 : accept;
            sentSeconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(300);
            keep.accept(requestLog.drain());
            threadsInFlight = ProcessProbe.liveThreads();
            peakThreads = ProcessProbe.peakThreadCount();

            // the heap while all are in flight: the request log emptied first (the simulator's test record, not state
            // a real EM would hold in this process); the full GC stalls the process, so polls due in that window are
            // left out of the lateness figures
            long pauseFrom = nowMicros();
            keep.accept(requestLog.drain());
            histogramInFlight = ProcessProbe.classHistogram();
            heapInFlight = histogramInFlight.totalBytes();
            pauses.add(new PollRecorder.Window(pauseFrom, nowMicros() + 50_000));
            snapshotSeconds = (System.nanoTime() - start) / 1e9;
            completedAtSnapshot = finished.get();

            long end = System.nanoTime() + taskTime.plusSeconds(300).toNanos();
            while (finished.get() < n && System.nanoTime() < end) {
                Thread.sleep(50);
                failFast(failed, firstFailure);
                keep.accept(requestLog.drain());
            }
            if (finished.get() < n) {
                throw new IllegalStateException("only " + finished.get() + " of " + n + " in-flight exchanges completed");
            }
            Thread.sleep(100);
            keep.accept(requestLog.drain());
            requests = counted[0];
            heapAfter = ProcessProbe.classHistogram().totalBytes();
            measured = true;
        } finally {
            if (!measured) {
                // the phase failed: no more submissions to a context about to stop
                senders.shutdownNow();
            }
            STAMPS.set(null);
            context.stop();
            sim.withTaskRunTime(Duration.ZERO);
        }
        List<LiveThread> threadsStopped = ProcessProbe.liveThreads();
        senders.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " in-flight exchanges failed, the first: " + firstFailure.get());
        }
        int expectedPolls = schedule.pollsFor(taskTime.toMillis());
        recordPhase("in flight, component", requests, n, expectedPolls);
        PollRecorder.Lateness lateness = recorder.lateness(stamps.taskNumbers, schedule, pauses);

        // the same load through the asynchronous minimal client: how late its polls are is what the simulator, sharing
        // this machine, allows
        progress("in flight: " + n + " tasks of " + taskTime.toSeconds() + " s through the async minimal client");
        List<Include> minimalIncludes = supply.next(n);
        Map<String, Integer> minimalIndexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            minimalIndexOf.put(minimalIncludes.get(i).includeId(), i);
        }
        PollRecorder minimalRecorder = new PollRecorder(MinimalAsyncEmClient.USER_AGENT, minimalIndexOf, n, n * 16);
        int[] minimalTaskNumbers = new int[n];
        AtomicInteger minimalFinished = new AtomicInteger();
        AtomicReference<Throwable> minimalFailure = new AtomicReference<>();
        RequestCount minimalRequests = new RequestCount(0, 0, 0, 0, 0);
        sim.withTaskRunTime(taskTime);
        requestLog.drain();
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                Include include = minimalIncludes.get(i);
                minimalAsync.removeInclude(include.jobId(), include.includeId(), schedule).whenComplete((done, error) -> {
                    if (error != null) {
                        minimalFailure.compareAndSet(null, error);
                    } else {
                        minimalTaskNumbers[index] = Integer.parseInt(done.taskId().substring("task-".length()));
                    }
                    minimalFinished.incrementAndGet();
                });
            }
            long end = System.nanoTime() + taskTime.plusSeconds(300).toNanos();
            while (minimalFinished.get() < n && System.nanoTime() < end) {
                Thread.sleep(50);
                List<RecordedRequest> log = requestLog.drain();
                minimalRecorder.keep(log);
                minimalRequests = minimalRequests.plus(RequestCount.of(log, MinimalAsyncEmClient.USER_AGENT));
            }
            Thread.sleep(100);
            List<RecordedRequest> log = requestLog.drain();
            minimalRecorder.keep(log);
            minimalRequests = minimalRequests.plus(RequestCount.of(log, MinimalAsyncEmClient.USER_AGENT));
        } finally {
            sim.withTaskRunTime(Duration.ZERO);
        }
        if (minimalFailure.get() != null) {
            throw new IllegalStateException("the async minimal client failed in flight", minimalFailure.get());
        }
        recordPhase("in flight, minimal async", minimalRequests, n, expectedPolls);
        PollRecorder.Lateness minimalLateness = minimalRecorder.lateness(minimalTaskNumbers, schedule, List.of());

        // completion delays
        double taskMillis = taskTime.toMillis();
        double expectedDelay = schedule.dueFor(taskTime.toMillis()) - taskMillis;
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (recorder.deleteMicros[i] > 0 && stamps.completedMicros[i] > 0) {
                delays.add((stamps.completedMicros[i] - recorder.deleteMicros[i]) / 1000.0 - taskMillis);
            }
        }
        Stats delay = Stats.of(delays);

        line("## " + n + " tasks in flight");
        line("");
        line("Each task runs " + taskTime.toSeconds()
             + " s on the simulator; the route `direct:stamped -> veeam-em:removeInclude`"
             + " has the default poll settings (first poll after 200 ms, doubling to 5 s). " + settings.senderThreads()
             + " harness threads (`bench-sender-*`, started before the baseline) call `ProducerTemplate.asyncSend` in"
             + " non-threaded async mode, so each is held for as long as the component's `process()` takes to return.");
        line("");
        line("All " + n + " submissions had returned " + Stats.num(acceptSeconds, 2) + " s after the first; all DELETEs had"
             + " reached the simulator after " + Stats.num(sentSeconds, 2) + " s; " + completedAtSnapshot
             + " exchanges had completed when the in-flight snapshot was taken (" + Stats.num(snapshotSeconds, 2)
             + " s after the first submission).");
        line("");
        line("### Live threads by owner");
        line("");
        Map<String, Integer> before = ProcessProbe.countByOwner(threadsBefore);
        Map<String, Integer> started = ProcessProbe.countByOwner(threadsStarted);
        Map<String, Integer> during = ProcessProbe.countByOwner(threadsInFlight);
        Map<String, Integer> stopped = ProcessProbe.countByOwner(threadsStopped);
        line("| Owner (by thread name) | Before the Camel context starts | Context started, warm | " + n
             + " in flight | After the context stopped |");
        line("|---|---:|---:|---:|---:|");
        for (String owner : before.keySet()) {
            line("| " + owner + " | " + before.get(owner) + " | " + started.get(owner) + " | " + during.get(owner) + " | "
                 + stopped.get(owner) + " |");
        }
        line("| **total** | " + threadsBefore.size() + " | " + threadsStarted.size() + " | " + threadsInFlight.size() + " | "
             + threadsStopped.size() + " |");
        line("");
        line("Peak live threads between the baseline and the in-flight snapshot: " + peakThreads + " (baseline "
             + threadsBefore.size() + ").");
        line("");
        Map<String, Integer> added = ProcessProbe.added(threadsBefore, threadsInFlight);
        line("Threads alive while " + n
             + " tasks are in flight that were not before the context started (digits folded to #):");
        line("");
        added.forEach((name, count) -> line("- " + count + " × `" + name + "`"));
        if (added.isEmpty()) {
            line("- none");
        }
        line("");
        int componentAdded = added.entrySet().stream()
                .filter(e -> e.getKey().startsWith("[component]") || e.getKey().startsWith("[httpclient]"))
                .mapToInt(Map.Entry::getValue).sum();
        int otherAdded = added.values().stream().mapToInt(Integer::intValue).sum() - componentAdded;
        line("Added by the component (threads named `VeeamEmScheduler`, `VeeamEmIO*`, `VeeamEmRouteWork`, the old"
             + " `VeeamEmTaskPoller`, and any HttpClient thread): **" + componentAdded + "**; added by Camel itself or"
             + " others: " + otherAdded + ".");
        line("");
        line("### Heap");
        line("");
        double kbPerTask = (heapInFlight - heapStarted) / 1024.0 / n;
        double kbWithoutSim = kbPerTask - simKbPerTask;
        line("Live heap = total of `GC.class_histogram` (a full GC, then every live object counted). The in-flight point"
             + " is taken " + Stats.num(snapshotSeconds, 2) + " s after the first submission, with the simulator's request"
             + " log emptied; the harness keeps the request times in arrays allocated before the baseline.");
        line("");
        line("| Point | Live heap | Growth over the started context |");
        line("|---|---:|---:|");
        line("| Before the Camel context starts | " + mib(heapBefore) + " | |");
        line("| Context started, logged on, warm | " + mib(heapStarted) + " | |");
        line("| " + n + " in flight | " + mib(heapInFlight) + " | " + mib(heapInFlight - heapStarted)
             + " = **" + Stats.num(kbPerTask, 2) + " KB per task** |");
        line("| All completed (context still up) | " + mib(heapAfter) + " | " + mib(heapAfter - heapStarted) + " |");
        line("");
        line("The simulator runs in the same process; its own share, measured first by starting " + n + " tasks with the"
             + " blocking minimal client (which keeps only their ids), is **" + Stats.num(simKbPerTask, 2) + " KB per"
             + " task** (it keeps every task of a session for the session's life). Process growth without the"
             + " simulator's share: **" + Stats.num(kbWithoutSim, 2) + " KB per task** (the Camel exchange, the"
             + " component's wait, its scheduled poll and HttpClient's state, the harness's future).");
        line("");
        line("What grew, by class (live objects after a full GC, in flight minus started; top 15 by bytes):");
        line("");
        line("| Class | Instances per task | Bytes per task |");
        line("|---|---:|---:|");
        histogramInFlight.byClass().entrySet().stream()
                .map(e -> {
                    long[] was = histogramStarted.byClass().getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] { e.getValue()[0] - was[0], e.getValue()[1] - was[1] });
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(15)
                .forEach(e -> line("| `" + e.getKey() + "` | " + Stats.num((double) e.getValue()[0] / n, 2) + " | "
                                   + Stats.num((double) e.getValue()[1] / n, 0) + " |"));
        line("");
        line("### Polls against the schedule");
        line("");
        line("Lateness of a poll = when the simulator received it − when it was due: the previous request of the same"
             + " task (its DELETE or previous poll), as the simulator received it, plus the schedule's delay before this"
             + " poll (200, 400, 800, 1600, 3200, 5000 ms …). The client counts its delay from the previous *answer*, so"
             + " the simulator's time to answer is included (a slight overstatement). The same " + n + " tasks were then"
             + " run through the async minimal client (`MinimalAsyncEmClient`: one scheduler thread, HttpClient's async"
             + " client), alone, for the lateness the simulator on this machine allows. Polls due during the harness's"
             + " own full GC (the heap count) are left out: " + lateness.excluded() + " of the component's.");
        line("");
        line("| Client | Tasks | Polls | Lateness p50 ms | p90 | **p99** | max |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        line("| component | " + lateness.tasks() + " | " + lateness.all().n() + " | " + Stats.num(lateness.all().median(), 1)
             + " | " + Stats.num(lateness.all().p90(), 1) + " | **" + Stats.num(lateness.all().p99(), 1) + "** | "
             + Stats.num(lateness.all().max(), 1) + " |");
        line("| minimal async | " + minimalLateness.tasks() + " | " + minimalLateness.all().n() + " | "
             + Stats.num(minimalLateness.all().median(), 1) + " | " + Stats.num(minimalLateness.all().p90(), 1) + " | **"
             + Stats.num(minimalLateness.all().p99(), 1) + "** | " + Stats.num(minimalLateness.all().max(), 1) + " |");
        line("");
        line("By poll number (component | minimal async): when the poll arrived after the DELETE (median), and its"
             + " lateness p50 / p99:");
        line("");
        line("| Poll | Nominal ms after the 202 | Arrived, median ms | Late p50 / p99 ms | Minimal: arrived | Minimal: late p50 / p99 |");
        line("|---:|---:|---:|---:|---:|---:|");
        lateness.byPoll().forEach((poll, late) -> {
            Stats at = lateness.offsetByPoll().get(poll);
            Stats mAt = minimalLateness.offsetByPoll().get(poll);
            Stats mLate = minimalLateness.byPoll().get(poll);
            line("| " + poll + " | " + schedule.nominalTime(poll) + " | " + Stats.num(at.median(), 0) + " | "
                 + Stats.num(late.median(), 1) + " / " + Stats.num(late.p99(), 1) + " | "
                 + (mAt == null ? "–" : Stats.num(mAt.median(), 0)) + " | "
                 + (mLate == null ? "–" : Stats.num(mLate.median(), 1) + " / " + Stats.num(mLate.p99(), 1)) + " |");
        });
        line("");
        line("### Completion delay of the " + n + " in-flight tasks");
        line("");
        line("Delay = exchange completed (stamped by the route right after the veeam-em step) − (simulator received the"
             + " DELETE + task run time). On the nominal schedule the poll that sees a " + taskTime.toSeconds() + " s task"
             + " Finished is due " + Stats.num(expectedDelay, 0) + " ms after it finished (poll " + expectedPolls + ").");
        line("");
        line("| Tasks | Median ms | p10 | p90 | p99 | Max ms | Nominally due ms | Back-off cap ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        line("| " + delay.n() + " | " + Stats.num(delay.median(), 1) + " | " + Stats.num(delay.p10(), 1) + " | "
             + Stats.num(delay.p90(), 1) + " | " + Stats.num(delay.p99(), 1) + " | " + Stats.num(delay.max(), 1) + " | "
             + Stats.num(expectedDelay, 0) + " | " + settings.pollMaxDelay() + " |");
        line("");

        boolean full = n >= 10_000;
        String scale = full ? "" : " (" + n + " in flight, not 10,000: a smoke run)";
        String threadFigure = componentAdded + " threads added" + scale;
        String heapFigure = Stats.num(kbWithoutSim, 2) + " KB per task without the simulator's share ("
                            + Stats.num(kbPerTask, 2) + " KB whole process)" + scale;
        double c99 = lateness.all().p99();
        double m99 = minimalLateness.all().p99();
        String lateFigure = "p99 " + Stats.num(c99, 1) + " ms (minimal async client, same load: " + Stats.num(m99, 1)
                            + " ms)" + scale;
        if (full) {
            verdicts.set("threads", threadFigure, componentAdded <= 8);
            verdicts.set("heap", heapFigure, kbWithoutSim <= 3);
            verdicts.set("lateness", lateFigure, c99 <= 50 || c99 <= m99);
        } else {
            verdicts.notRun("threads", threadFigure);
            verdicts.notRun("heap", heapFigure);
            verdicts.notRun("lateness", lateFigure);
        }
        inFlightMaxDelay = delay.max();
    }

    private static void failFast(AtomicInteger failed, AtomicReference<String> firstFailure) {
        if (failed.get() > 0) {
            throw new IllegalStateException(
                    failed.get() + " in-flight exchanges failed so far, the first: "
                                            + firstFailure.get());
        }
    }

    private double inFlightMaxDelay = Double.NaN;
    private double sweepMaxDelay = Double.NaN;

    // ---------------------------------------------------------------------------------------------------------------
    // 2. time per operation

    /**
     * One latency round or throughput window: time or rate, and per operation the process CPU, the simulator threads'
     * CPU, the client threads' CPU (callers and the component's pollers) and what those threads allocated.
     */
    private record Sample(double value, List<Double> opMillis, double processCpuMicros, double simCpuMicros,
            double clientCpuMicros, double clientKernelMicros, double clientAllocKb) {
    }

    private interface Operation {
        void perform(Include include) throws Exception;
    }

    /** Where a measurement starts: the counters a {@link Sample} is the difference of. */
    private record Mark(long nanos, long processCpu, long simCpu, ProcessProbe.ThreadCost client) {

        static Mark now() {
            return new Mark(
                    System.nanoTime(), ProcessProbe.processCpuNanos(), ProcessProbe.simulatorCpuNanos(),
                    ProcessProbe.clientThreadCost());
        }

        /** Per-operation costs from this mark to now; {@code value} is filled by the caller's choice. */
        Sample until(long ops, java.util.function.DoubleUnaryOperator valueOfSeconds, List<Double> opMillis) {
            Mark end = now();
            ProcessProbe.ThreadCost client = end.client.minus(this.client);
            double seconds = (end.nanos - nanos) / 1e9;
            return new Sample(
                    valueOfSeconds.applyAsDouble(seconds), opMillis, (end.processCpu - processCpu) / 1e3 / ops,
                    (end.simCpu - simCpu) / 1e3 / ops, client.cpuNanos() / 1e3 / ops,
                    (client.cpuNanos() - client.userNanos()) / 1e3 / ops, client.allocatedBytes() / 1024.0 / ops);
        }
    }

    /** {@code ops} operations one after the other; value = mean milliseconds per operation. */
    private Sample round(int ops, Operation operation) throws Exception {
        List<Include> includes = supply.next(ops);
        List<Double> times = new ArrayList<>(ops);
        Mark mark = Mark.now();
        for (Include include : includes) {
            long t0 = System.nanoTime();
            operation.perform(include);
            times.add((System.nanoTime() - t0) / 1e6);
        }
        return mark.until(ops, seconds -> seconds * 1000 / ops, times);
    }

    /**
     * Enough operations for a round of about bench.roundMillis, at least 10, and bench.latencyMinOps over the rounds.
     */
    private int opsPerRound(long delay) {
        int forMinimum = (settings.latencyMinOps() + settings.rounds() - 1) / Math.max(1, settings.rounds());
        return (int) Math.max(Math.max(10, settings.roundMillis() / (delay + 1)), forMinimum);
    }

    private void latency(ProducerTemplate template) throws Exception {
        line("## Time per removeInclude, task finishing at once");
        line("");
        line("The simulator's tasks finish as soon as they are created (run and collect time 0). Every client polls on the"
             + " same schedule: first `GET /tasks/{id}` D ms after the 202 (at once for D = 0). Component = "
             + "`ProducerTemplate.request(\"direct:remove-D\")` with the route `direct:remove-D -> veeam-em:removeInclude"
             + "?pollInitialDelay=D&pollMaxDelay=5000`; minimal = `MinimalEmClient` (HttpClient 5 classic, sleeps on the"
             + " calling thread); minimal async = `MinimalAsyncEmClient` (HttpClient 5 async, polls scheduled on one"
             + " thread, the caller waits on the operation's future); minimal async + hand-off = the same client, its"
             + " result handed to an idle thread of a cached pool before the caller sees it: the least code that keeps the"
             + " execution model (I/O on HttpClient's I/O thread, what follows on another thread), not a floor, for"
             + " reference. All read the XML answers the least way that works"
             + " (the minimal clients with indexOf). One caller thread. After a JIT warm-up of " + settings.warmupOps()
             + " operations through each client: per D, " + settings.warmupRounds() + " warm-up rounds of each, then "
             + settings.rounds() + " measured rounds of each, the four clients' rounds interleaved (their order rotating);"
             + " a round is max(10, " + settings.roundMillis() + " / (D + 1), ⌈" + settings.latencyMinOps() + " / rounds⌉)"
             + " operations. The floor is the faster minimal client by per-op p50; the target is judged on the ratio of"
             + " the component's per-op p50 to the floor's.");
        line("");
        line("| D (ms) | Ops per client | Component per-op p50 / p90 ms | Minimal (blocking) p50 / p90 | Minimal async p50 /"
             + " p90 | Minimal async + hand-off p50 / p90 | Floor | **Component / floor, per-op p50** | Ratio of median round"
             + " means (to the same floor) | Minimal async + hand-off / floor, per-op p50 |");
        line("|---:|---:|---|---|---|---|---|---:|---:|---:|");
        StringBuilder costs = new StringBuilder();
        double worst0 = Double.NaN;
        double worst1 = Double.NaN;
        long ops0 = Long.MAX_VALUE;
        long ops1 = Long.MAX_VALUE;
        StringBuilder figure0 = new StringBuilder();
        StringBuilder figure1 = new StringBuilder();
        for (long delay : settings.pollInitialDelays()) {
            progress("latency, D = " + delay + " ms");
            int ops = opsPerRound(delay);
            String route = latencyRoute(delay);
            Backoff backoff = settings.backoff(delay);
            requestLog.drain();
            List<Operation> clients = List.of(
                    include -> viaComponent(template, route, include),
                    include -> minimal.removeInclude(include.jobId(), include.includeId(), backoff),
                    include -> minimalAsync.removeInclude(include.jobId(), include.includeId(), backoff).get(),
                    include -> minimalAsync.removeInclude(include.jobId(), include.includeId(), backoff)
                            .thenApplyAsync(done -> done, handOff).get());
            List<List<Sample>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int w = 0; w < settings.warmupRounds(); w++) {
                for (Operation client : clients) {
                    round(ops, client);
                }
            }
            for (int r = 0; r < settings.rounds(); r++) {
                for (int k = 0; k < clients.size(); k++) {
                    int c = (r + k) % clients.size();
                    samples.get(c).add(round(ops, clients.get(c)));
                }
            }
            List<RecordedRequest> log = requestLog.drain();
            long totalOps = (long) ops * (settings.warmupRounds() + settings.rounds());
            recordPhase("latency D=" + delay + ", component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), totalOps, 1);
            recordPhase("latency D=" + delay + ", minimal", RequestCount.of(log, MinimalEmClient.USER_AGENT), totalOps, 1);
            recordPhase("latency D=" + delay + ", minimal async (with and without the hand-off)",
                    RequestCount.of(log, MinimalAsyncEmClient.USER_AGENT), 2 * totalOps, 1);
            log = null;

            Stats[] perOp = new Stats[clients.size()];
            Stats[] rounds = new Stats[clients.size()];
            for (int c = 0; c < clients.size(); c++) {
                perOp[c] = Stats.of(samples.get(c).stream().flatMap(x -> x.opMillis().stream()).toList());
                rounds[c] = Stats.of(samples.get(c).stream().map(Sample::value).toList());
            }
            int floor = perOp[1].median() <= perOp[2].median() ? 1 : 2;
            double ratio = perOp[0].median() / perOp[floor].median();
            double roundRatio = rounds[0].median() / rounds[floor].median();
            double handOffRatio = perOp[3].median() / perOp[floor].median();
            long measuredOps = (long) ops * settings.rounds();
            int decimals = delay >= BenchSettings.SLOW_DELAY ? 2 : 3;
            line("| " + delay + " | " + measuredOps + " | " + pair(perOp[0], decimals) + " | " + pair(perOp[1], decimals)
                 + " | " + pair(perOp[2], decimals) + " | " + pair(perOp[3], decimals) + " | "
                 + (floor == 1 ? "blocking" : "async") + " | **" + Stats.num(ratio, 3) + "** | " + Stats.num(roundRatio, 3)
                 + " | " + Stats.num(handOffRatio, 3) + " |");
            costs.append(costRow("D = " + delay + ", component / minimal", samples.get(0), samples.get(1)));
            costs.append(costRow("D = " + delay + ", component / minimal async", samples.get(0), samples.get(2)));
            costs.append(costRow("D = " + delay + ", component / minimal async + hand-off", samples.get(0),
                    samples.get(3)));
            String figure = "D = " + delay + ": " + Stats.num(ratio, 3) + " (" + Stats.num(perOp[0].median(), decimals)
                            + " / " + Stats.num(perOp[floor].median(), decimals) + " ms, floor "
                            + (floor == 1 ? "blocking" : "async") + "; minimal async + hand-off "
                            + Stats.num(handOffRatio, 3) + ")";
            if (delay == 0) {
                worst0 = Double.isNaN(worst0) ? ratio : Math.max(worst0, ratio);
                ops0 = Math.min(ops0, measuredOps);
                figure0.append(figure0.length() > 0 ? "; " : "").append(figure);
            } else {
                worst1 = Double.isNaN(worst1) ? ratio : Math.max(worst1, ratio);
                ops1 = Math.min(ops1, measuredOps);
                figure1.append(figure1.length() > 0 ? "; " : "").append(figure);
            }
        }
        line("");
        costLegend();
        report.append(costs);
        line("");
        latencyVerdict("latency0", figure0, worst0, ops0, 1.15, "no D = 0 in bench.pollInitialDelays");
        latencyVerdict("latency1", figure1, worst1, ops1, 1.05, "no D ≥ 1 ms in bench.pollInitialDelays");
    }

    private void latencyVerdict(String key, CharSequence figure, double worst, long ops, double bound, String absent) {
        if (Double.isNaN(worst)) {
            verdicts.notRun(key, absent);
        } else if (ops < 3000) {
            verdicts.notRun(key, figure + "; only " + ops + " operations per client (≥ 3,000 needed)");
        } else {
            verdicts.set(key, figure.toString(), worst <= bound);
        }
    }

    private static String pair(Stats stats, int decimals) {
        return Stats.num(stats.median(), decimals) + " / " + Stats.num(stats.p90(), decimals);
    }

    private void costLegend() {
        line("Cost per operation, median over the rounds (windows): CPU of the client threads (the callers, the"
             + " component's and the minimal clients' threads; JIT and GC threads excluded), bytes those threads allocated,"
             + " CPU of the simulator's threads, and CPU of the whole process (client, simulator, JIT, GC).");
        line("");
        line("| Run | Client threads CPU µs/op: component / minimal | of which kernel | Allocated KB/op: component /"
             + " minimal | Simulator CPU µs/op: component run / minimal run | Process CPU µs/op: component / minimal |");
        line("|---|---|---|---|---|---|");
    }

    private static String costRow(String run, List<Sample> c, List<Sample> m) {
        return "| " + run + " | " + med(c, Sample::clientCpuMicros, 0) + " / " + med(m, Sample::clientCpuMicros, 0) + " | "
               + med(c, Sample::clientKernelMicros, 0) + " / " + med(m, Sample::clientKernelMicros, 0) + " | "
               + med(c, Sample::clientAllocKb, 1) + " / " + med(m, Sample::clientAllocKb, 1) + " | "
               + med(c, Sample::simCpuMicros, 0) + " / " + med(m, Sample::simCpuMicros, 0) + " | "
               + med(c, Sample::processCpuMicros, 0) + " / " + med(m, Sample::processCpuMicros, 0) + " |\n";
    }

    private static String med(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value, int decimals) {
        return Stats.num(Stats.of(samples.stream().mapToDouble(value).toArray()).median(), decimals);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. throughput

    /**
     * Runs {@code concurrency} threads doing {@code operation} in a loop: after {@code rampMillis}, measures
     * {@code windowCount} windows, then stops them and waits for their last operation. {@code done} counts every
     * operation, ramp and tail included.
     */
    private List<Sample> load(int concurrency, Operation operation, LongAdder done, long rampMillis, int windowCount)
            throws Exception {
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(concurrency);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ThreadFactory factory = named("bench-load-");
        for (int i = 0; i < concurrency; i++) {
            factory.newThread(() -> {
                try {
                    while (!stop.get()) {
                        operation.perform(supply.next());
                        done.increment();
                    }
                } catch (Throwable e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                } finally {
                    stopped.countDown();
                }
            }).start();
        }
        Thread.sleep(rampMillis);
        List<Sample> windows = new ArrayList<>();
        for (int r = 0; r < windowCount; r++) {
            long ops = done.sum();
            Mark mark = Mark.now();
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.windowSeconds()));
            long count = done.sum() - ops;
            windows.add(mark.until(count, seconds -> count / seconds, List.of()));
        }
        stop.set(true);
        if (!stopped.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load threads did not stop");
        }
        if (firstError.get() != null) {
            throw new IllegalStateException(errors.get() + " operations failed", firstError.get());
        }
        return windows;
    }

    private void throughput(ProducerTemplate template) throws Exception {
        long delay = settings.throughputPollInitialDelay();
        String route = latencyRoute(delay);
        Backoff backoff = settings.backoff(delay);
        line("## Throughput");
        line("");
        line("Closed loop: N caller threads (`bench-load-*`) each perform removeInclude after removeInclude (task"
             + " finishing at once, D = " + delay + " ms, the same schedule for every client; component through"
             + " `ProducerTemplate.request`, the async minimal client through its future). Per concurrency, a "
             + settings.throughputWarmupSeconds() + " s warm-up of each client, then " + settings.throughputRounds()
             + " rounds in which each client in turn (the order rotating) starts its threads, ramps up for 0.5 s and is"
             + " measured for " + settings.windowSeconds() + " s. The minimal clients use HttpClient pools of at most 20"
             + " connections; the simulator serves on 8 threads; all share the machine's "
             + Runtime.getRuntime().availableProcessors() + " CPUs. No target; for reference.");
        line("");
        line("| Concurrency | Component ops/s: median [min–max] | Minimal ops/s | Minimal async ops/s | **Component / faster"
             + " minimal** |");
        line("|---:|---|---|---|---:|");
        StringBuilder costs = new StringBuilder();
        record Client(String name, String agent, Operation operation, List<Sample> samples, LongAdder ops,
                RequestCount[] requests) {
        }
        for (int concurrency : settings.concurrency()) {
            progress("throughput, concurrency " + concurrency);
            List<Client> clients = new ArrayList<>();
            clients.add(new Client(
                    "component", RequestCount.COMPONENT_AGENT,
                    include -> viaComponent(template, route, include), new ArrayList<>(), new LongAdder(),
                    new RequestCount[1]));
            clients.add(new Client(
                    "minimal", MinimalEmClient.USER_AGENT,
                    include -> minimal.removeInclude(include.jobId(), include.includeId(), backoff),
                    new ArrayList<>(), new LongAdder(), new RequestCount[1]));
            clients.add(new Client(
                    "minimal async", MinimalAsyncEmClient.USER_AGENT,
                    include -> minimalAsync.removeInclude(include.jobId(), include.includeId(), backoff).get(),
                    new ArrayList<>(), new LongAdder(), new RequestCount[1]));
            for (Client client : clients) {
                load(concurrency, client.operation(), new LongAdder(),
                        TimeUnit.SECONDS.toMillis(settings.throughputWarmupSeconds()), 0);
            }
            // rounds: each client in turn (the order rotating), so that drift and noise spread over all of them
            for (int r = 0; r < settings.throughputRounds(); r++) {
                for (int k = 0; k < clients.size(); k++) {
                    Client client = clients.get((r + k) % clients.size());
                    requestLog.drain();
                    client.samples().addAll(load(concurrency, client.operation(), client.ops(), 500, 1));
                    RequestCount sent = RequestCount.of(requestLog.drain(), client.agent());
                    client.requests()[0] = client.requests()[0] == null ? sent : client.requests()[0].plus(sent);
                }
            }
            requestLog.drain();
            for (Client client : clients) {
                recordPhase("throughput c=" + concurrency + ", " + client.name(), client.requests()[0],
                        client.ops().sum(), 1);
            }
            Stats ct = Stats.of(clients.get(0).samples().stream().map(Sample::value).toList());
            Stats mt = Stats.of(clients.get(1).samples().stream().map(Sample::value).toList());
            Stats at = Stats.of(clients.get(2).samples().stream().map(Sample::value).toList());
            line("| " + concurrency + " | " + ct.medianRange(0) + " | " + mt.medianRange(0) + " | " + at.medianRange(0)
                 + " | **" + Stats.num(ct.median() / Math.max(mt.median(), at.median()), 3) + "** |");
            costs.append(costRow("concurrency " + concurrency + ", component / minimal", clients.get(0).samples(),
                    clients.get(1).samples()));
            costs.append(costRow("concurrency " + concurrency + ", component / minimal async", clients.get(0).samples(),
                    clients.get(2).samples()));
        }
        line("");
        costLegend();
        report.append(costs);
        line("");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // submission: how long the caller is held

    private void submit(CamelContext context) throws Exception {
        int answerDelay = settings.answerDelayMillis();
        line("## Caller held per submission, simulator answering after " + answerDelay + " ms");
        line("");
        if (!SimControls.answerDelay(sim, Duration.ofMillis(answerDelay))) {
            line("Not run: this simulator has no `withAnswerDelay(Duration)`.");
            line("");
            verdicts.notRun("submit", "the simulator has no withAnswerDelay(Duration)");
            return;
        }
        progress("submit: " + settings.submissions() + " submissions of each kind, answers after " + answerDelay + " ms");
        Backoff backoff = settings.backoff(0);
        Route route = context.getRoute("submit");
        AsyncProcessor routeProcessor = AsyncProcessorConverterHelper.convert(route.getConsumer().getProcessor());
        Endpoint routeEndpoint = route.getEndpoint();
        Endpoint veeam = context.getEndpoint(veeamUri(pollOptions(0)));
        AsyncProducer producer = veeam.createAsyncProducer();
        ServiceHelper.startService(producer);
        String[] kinds = {
                "route: `AsyncProcessor.process` of the `direct:submit` route's consumer processor",
                "component producer: `AsyncProducer.process` of the veeam-em endpoint's producer",
                "minimal async client: `removeInclude` returning its future" };
        List<List<Double>> held = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        java.util.function.Consumer<String> done = problem -> {
            if (problem != null) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, problem);
            }
            pending.decrementAndGet();
        };
        int warm = settings.submitWarmup();
        int total = 3 * (warm + settings.submissions());
        long cap = TimeUnit.SECONDS.toNanos(settings.submitMaxSeconds());
        long phaseStart = System.nanoTime();
        int submitted = 0;
        int[] perKind = new int[3];
        double blockingMillis = Double.NaN;
        try {
            int warmedUp = -1;
            for (int i = 0; i < total || warmedUp < 0; i++) {
                long elapsed = System.nanoTime() - phaseStart;
                if (elapsed > cap) {
                    break;
                }
                // the warm-up ends after its count, or early (a third of the time allowed) when submitting is slow
                if (warmedUp < 0 && i % 3 == 0 && (i >= 3 * warm || elapsed > cap / 3)) {
                    warmedUp = i;
                    total = i + 3 * settings.submissions();
                }
                int kind = i % 3;
                Include include = supply.next();
                long t0;
                long t1;
                pending.incrementAndGet();
                if (kind == 0 || kind == 1) {
                    Exchange exchange = (kind == 0 ? routeEndpoint : veeam).createExchange();
                    headers(exchange, include);
                    AsyncProcessor target = kind == 0 ? routeProcessor : producer;
                    t0 = System.nanoTime();
                    target.process(exchange, doneSync -> done.accept(problemOf(exchange)));
                    t1 = System.nanoTime();
                } else {
                    t0 = System.nanoTime();
                    CompletableFuture<MinimalAsyncEmClient.Done> future
                            = minimalAsync.removeInclude(include.jobId(), include.includeId(), backoff);
                    t1 = System.nanoTime();
                    future.whenComplete((result, error) -> done.accept(error == null ? null : error.toString()));
                }
                if (warmedUp >= 0) {
                    held.get(kind).add((t1 - t0) / 1e6);
                }
                submitted++;
                perKind[kind]++;
            }
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (pending.get() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            // the blocking minimal client, for the record: it holds its caller for the whole operation
            List<Double> blocking = new ArrayList<>();
            for (Include include : supply.next(3)) {
                long t0 = System.nanoTime();
                minimal.removeInclude(include.jobId(), include.includeId(), backoff);
                blocking.add((System.nanoTime() - t0) / 1e6);
            }
            blockingMillis = Stats.of(blocking).median();
        } finally {
            SimControls.answerDelay(sim, Duration.ZERO);
            ServiceHelper.stopService(producer);
        }
        double drainSeconds = (System.nanoTime() - phaseStart) / 1e9;
        List<RecordedRequest> log = requestLog.drain();
        int componentOps = perKind[0] + perKind[1];
        recordPhase("submit, component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), componentOps, 1);
        if (pending.get() > 0) {
            throw new IllegalStateException(pending.get() + " submissions did not complete within 5 minutes");
        }
        line("One thread submits removeInclude after removeInclude (task finishing at once, pollInitialDelay = 0) without"
             + " waiting, rotating over three ways in: the time each call takes to return on the submitting thread is"
             + " what the caller is held. " + warm + " untimed warm-up submissions of each kind first (fewer if they take"
             + " more than a third of the time allowed). Every request is"
             + " answered after " + answerDelay + " ms (`EmSimulator.withAnswerDelay`), so an operation takes at least"
             + " two such answers; all submissions are then in flight together. Submitting stops after "
             + settings.submitMaxSeconds() + " s (`bench.submitMaxSeconds`) if not done by then. " + submitted
             + " submissions; all completed " + Stats.num(drainSeconds, 1) + " s after the first; " + failures.get()
             + " failed" + (firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")") + ".");
        line("");
        line("| Way in | Timed submissions | Held p50 ms | p90 | **p99** | max |");
        line("|---|---:|---:|---:|---:|---:|");
        Stats[] stats = new Stats[3];
        for (int k = 0; k < 3; k++) {
            stats[k] = Stats.of(held.get(k));
            line("| " + kinds[k] + " | " + stats[k].n() + " | " + Stats.num(stats[k].median(), 4) + " | "
                 + Stats.num(stats[k].p90(), 4) + " | **" + Stats.num(stats[k].p99(), 4) + "** | "
                 + Stats.num(stats[k].max(), 3) + " |");
        }
        line("| blocking minimal client (for the record: held for the whole operation) | 3 | "
             + Stats.num(blockingMillis, 1) + " | | | |");
        line("");
        String figure = "p50 " + Stats.num(stats[0].median(), 4) + " ms, p99 " + Stats.num(stats[0].p99(), 4)
                        + " ms via the route (producer alone: p50 " + Stats.num(stats[1].median(), 4) + ", p99 "
                        + Stats.num(stats[1].p99(), 4) + "; minimal async: p50 " + Stats.num(stats[2].median(), 4)
                        + ", p99 " + Stats.num(stats[2].p99(), 4) + ")";
        if (stats[0].n() == 0) {
            verdicts.notRun("submit", "no timed submission");
        } else {
            verdicts.set("submit", figure + (failures.get() > 0 ? "; " + failures.get() + " failed" : ""),
                    stats[0].median() <= 0.1 && failures.get() == 0);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // a slow step after the component on some exchanges

    private void slowStep(CamelContext context) throws Exception {
        int slow = settings.slowExchanges();
        int stream = settings.streamExchanges();
        long runMillis = settings.streamTaskMillis();
        Backoff schedule = settings.backoff(DEFAULT_INITIAL_DELAY);
        long dueAfter = schedule.dueFor(runMillis);
        progress("slow step: " + slow + " exchanges with a " + settings.slowStepMillis() + " ms step, " + stream
                 + " on another route");
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        Stamps stamps = new Stamps(stream);
        List<Include> slowIncludes = supply.next(slow);
        List<Include> streamIncludes = supply.next(stream);
        List<CompletableFuture<Exchange>> slowFutures = new ArrayList<>();
        List<CompletableFuture<Exchange>> streamFutures = new ArrayList<>();
        sim.withTaskRunTime(Duration.ofMillis(runMillis));
        requestLog.drain();
        STAMPS.set(stamps);
        try {
            for (Include include : slowIncludes) {
                slowFutures.add(template.asyncSend("direct:slowstep", exchange -> headers(exchange, include)));
            }
            long start = System.nanoTime();
            for (int i = 0; i < stream; i++) {
                long at = start + TimeUnit.MILLISECONDS.toNanos((long) i * settings.streamIntervalMillis());
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                Include include = streamIncludes.get(i);
                streamFutures.add(template.asyncSend("direct:stamped", exchange -> {
                    headers(exchange, include);
                    exchange.getMessage().setHeader(INDEX_HEADER, index);
                }));
            }
            for (CompletableFuture<Exchange> future : streamFutures) {
                checkFinished(future.get(5, TimeUnit.MINUTES));
            }
            for (CompletableFuture<Exchange> future : slowFutures) {
                checkFinished(future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            STAMPS.set(null);
            sim.withTaskRunTime(Duration.ZERO);
        }
        List<RecordedRequest> log = requestLog.drain();
        recordPhase("slow step, component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), slow + stream,
                schedule.pollsFor(runMillis));
        Map<String, Long> deleteOf = new HashMap<>();
        Map<String, Long> lastPollOf = new HashMap<>();
        for (RecordedRequest request : log) {
            if (!RequestCount.COMPONENT_AGENT.equals(request.header("User-Agent"))) {
                continue;
            }
            String last = request.path().substring(request.path().lastIndexOf('/') + 1);
            if (request.method().equals("DELETE")) {
                deleteOf.put(last, micros(request.receivedAt()));
            } else if (request.method().equals("GET") && request.path().startsWith("/api/tasks/")) {
                lastPollOf.merge(last, micros(request.receivedAt()), Math::max);
            }
        }
        // when the slow exchanges entered their slow step: the poll that saw their task Finished
        long blockedFrom = Long.MAX_VALUE;
        long blockedTo = Long.MIN_VALUE;
        for (CompletableFuture<Exchange> future : slowFutures) {
            Long seen = lastPollOf.get(future.get().getMessage().getHeader(VeeamEmConstants.TASK_ID, String.class));
            if (seen != null) {
                blockedFrom = Math.min(blockedFrom, seen);
                blockedTo = Math.max(blockedTo, seen + TimeUnit.MILLISECONDS.toMicros(settings.slowStepMillis()));
            }
        }
        List<Double> delays = new ArrayList<>();
        List<Double> inWindow = new ArrayList<>();
        List<Double> pollLate = new ArrayList<>();
        List<Double> notice = new ArrayList<>();
        for (int i = 0; i < stream; i++) {
            long delete = deleteOf.get(streamIncludes.get(i).includeId());
            long due = delete + dueAfter * 1000;
            double delay = (stamps.completedMicros[i] - due) / 1000.0;
            delays.add(delay);
            if (due >= blockedFrom && due <= blockedTo) {
                inWindow.add(delay);
            }
            Long lastPoll = lastPollOf.get("task-" + stamps.taskNumbers[i]);
            if (lastPoll != null) {
                pollLate.add((lastPoll - due) / 1000.0);
                notice.add((stamps.completedMicros[i] - lastPoll) / 1000.0);
            }
        }
        Stats all = Stats.of(delays);
        Stats window = Stats.of(inWindow);
        Stats late = Stats.of(pollLate);
        Stats noticed = Stats.of(notice);
        line("## A slow step after the component");
        line("");
        line(slow + " exchanges go to `direct:slowstep` (`veeam-em:removeInclude` with the default poll settings, then a"
             + " processor that blocks its thread for " + settings.slowStepMillis() + " ms); right after, one exchange"
             + " every " + settings.streamIntervalMillis() + " ms, " + stream + " in all, goes to `direct:stamped`"
             + " (the same operation, then a stamp of the completion time). Every task runs " + runMillis + " ms, so the"
             + " poll that sees it Finished is due " + dueAfter + " ms after its DELETE (the schedule's 200, 600, 1400 …)."
             + " Delay = completion stamped − (DELETE received + " + dueAfter + " ms). The slow exchanges were in their"
             + " slow step from " + (blockedFrom == Long.MAX_VALUE
                     ? "?" : "their finishing poll for "
                             + settings.slowStepMillis() + " ms")
             + "; " + inWindow.size() + " of the stream's"
             + " completions were due inside that window.");
        line("");
        line("| Exchanges | Completion delay p50 ms | p90 | **max** | Due while the slow steps ran: n | their max | Finishing"
             + " poll late p50 / max ms | Completion after that poll p50 / max ms |");
        line("|---:|---:|---:|---:|---:|---:|---|---|");
        line("| " + all.n() + " | " + Stats.num(all.median(), 1) + " | " + Stats.num(all.p90(), 1) + " | **"
             + Stats.num(all.max(), 1) + "** | " + window.n() + " | " + Stats.num(window.max(), 1) + " | "
             + Stats.num(late.median(), 1) + " / " + Stats.num(late.max(), 1) + " | " + Stats.num(noticed.median(), 1)
             + " / " + Stats.num(noticed.max(), 1) + " |");
        line("");
        if (inWindow.isEmpty()) {
            verdicts.notRun("slowstep", "no completion of the stream was due while the slow steps ran (max delay "
                                        + Stats.num(all.max(), 1) + " ms)");
        } else {
            verdicts.set("slowstep", "max " + Stats.num(all.max(), 1) + " ms behind schedule over " + all.n()
                                     + " exchanges (" + window.n() + " due while the slow steps ran: max "
                                     + Stats.num(window.max(), 1) + " ms)",
                    all.max() <= 50);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // polls of one long task with pollInitialDelay = 0

    private void pollsOfLongTask(CamelContext context) throws Exception {
        long runMillis = settings.longTaskMillis();
        Backoff schedule = settings.backoff(0);
        progress("polls of a " + runMillis + " ms task with pollInitialDelay=0");
        ProducerTemplate template = context.createProducerTemplate();
        Include include = supply.next();
        requestLog.drain();
        sim.withTaskRunTime(Duration.ofMillis(runMillis));
        Exchange result;
        try {
            result = template.request("direct:polls", exchange -> headers(exchange, include));
        } finally {
            sim.withTaskRunTime(Duration.ZERO);
        }
        checkFinished(result);
        String taskId = result.getMessage().getHeader(VeeamEmConstants.TASK_ID, String.class);
        List<RecordedRequest> log = requestLog.drain();
        int expected = schedule.pollsFor(runMillis);
        recordPhase("long task D=0, component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), 1, expected);
        long polls = log.stream().filter(r -> RequestCount.COMPONENT_AGENT.equals(r.header("User-Agent"))
                && r.method().equals("GET") && r.path().equals("/api/tasks/" + taskId))
                .count();
        line("## Polls of one " + runMillis + " ms task with pollInitialDelay = 0");
        line("");
        line("One exchange on `direct:polls` (`pollInitialDelay=0&pollMaxDelay=" + settings.pollMaxDelay() + "`), the"
             + " task running " + runMillis + " ms. `GET /api/tasks/" + taskId + "` requests in the simulator's log: **"
             + polls + "**; by the schedule (at once, then " + settings.pollFloor() + " ms, doubling): " + expected + ".");
        line("");
        verdicts.set("polls", polls + " polls (schedule: " + expected + ")", polls <= 12);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. completion delay sweep

    private void completionDelaySweep(CamelContext context) throws Exception {
        int step = settings.sweepStepMillis();
        int count = settings.sweepMaxSeconds() * 1000 / step + 1;
        progress("completion delay sweep: " + count + " tasks of 50 ms to " + settings.sweepMaxSeconds() + " s");
        Backoff schedule = settings.backoff(DEFAULT_INITIAL_DELAY);
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        Stamps stamps = new Stamps(count);
        STAMPS.set(stamps);
        List<Include> includes = supply.next(count);
        long[] runMillis = new long[count];
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        requestLog.drain();
        try {
            for (int i = 0; i < count; i++) {
                runMillis[i] = 50L + (long) i * step;
                sim.withTaskRunTime(Duration.ofMillis(runMillis[i]));
                int index = i;
                Include include = includes.get(i);
                futures.add(template.asyncSend("direct:stamped", exchange -> {
                    headers(exchange, include);
                    exchange.getMessage().setHeader(INDEX_HEADER, index);
                }));
                // asyncSend may return before the DELETE is even sent: the next run time applies only once the
                // simulator has answered this one
                awaitDeleteAnswered(include);
            }
        } finally {
            sim.withTaskRunTime(Duration.ZERO);
        }
        for (CompletableFuture<Exchange> future : futures) {
            checkFinished(future.get(settings.sweepMaxSeconds() + 120, TimeUnit.SECONDS));
        }
        STAMPS.set(null);
        List<RecordedRequest> log = requestLog.drain();
        Map<String, Long> received = new HashMap<>();
        for (RecordedRequest request : log) {
            if (request.method().equals("DELETE")) {
                received.put(request.path().substring(request.path().lastIndexOf('/') + 1), micros(request.receivedAt()));
            }
        }
        double expectedPolls = 0;
        List<Double> delays = new ArrayList<>();
        List<Double> excess = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double delay = (stamps.completedMicros[i] - received.get(includes.get(i).includeId())) / 1000.0 - runMillis[i];
            double due = schedule.dueFor(runMillis[i]) - runMillis[i];
            expectedPolls += schedule.pollsFor(runMillis[i]);
            delays.add(delay);
            excess.add(delay - due);
            rows.append(runMillis[i]).append(':').append(Stats.num(delay, 0)).append(i % 8 == 7 ? "\n" : "  ");
        }
        recordPhase("delay sweep, component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), count, expectedPolls / count);
        Stats d = Stats.of(delays);
        Stats e = Stats.of(excess);
        sweepMaxDelay = d.max();
        line("## Completion delay over task run times");
        line("");
        line(count + " tasks with run times from 50 ms to " + (50 + (count - 1) * step) + " ms in " + step
             + " ms steps, all in flight together, default poll settings (first poll after 200 ms, doubling to the cap of "
             + settings.pollMaxDelay() + " ms): polls fall 200, 600, 1400, 3000, 6200, 11200, 16200… ms after the 202"
             + " (each task is sent once the simulator has answered the previous DELETE, since the run time is a"
             + " simulator-wide setting)."
             + " Delay = exchange completed − (DELETE received + run time). 'Beyond the schedule' = delay − (time of the"
             + " first poll due at or after the run time − run time): what the component adds to the wait the back-off"
             + " itself causes.");
        line("");
        line("| Tasks | Delay median ms | p90 | Max ms | Back-off cap ms | Beyond the schedule: median ms | max ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        line("| " + count + " | " + Stats.num(d.median(), 1) + " | " + Stats.num(d.p90(), 1) + " | " + Stats.num(d.max(), 1)
             + " | " + settings.pollMaxDelay() + " | " + Stats.num(e.median(), 1) + " | " + Stats.num(e.max(), 1) + " |");
        line("");
        line("Each task, run time ms : delay ms:");
        line("");
        line("```");
        report.append(rows).append(rows.length() > 0 && rows.charAt(rows.length() - 1) != '\n' ? "\n" : "");
        line("```");
        line("");
    }

    /** Waits until the simulator has answered the DELETE of this include. */
    private void awaitDeleteAnswered(Include include) throws InterruptedException {
        String path = ".*/includes/" + include.includeId();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sim.getRequests("DELETE", path).stream().noneMatch(r -> r.status() > 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the DELETE of include " + include.includeId() + " was not answered");
            }
            Thread.sleep(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. where the component's time goes

    /** Mean microseconds per call of {@code action}, after {@code warmup} calls, over {@code calls} calls. */
    private static double microsPerCall(int warmup, int calls, Operation action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.perform(null);
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            action.perform(null);
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    /** Median of {@code repeats} measurements of {@link #microsPerCall}. */
    private static double medianMicros(int repeats, int warmup, int calls, Operation action) throws Exception {
        List<Double> results = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            results.add(microsPerCall(r == 0 ? warmup : warmup / 10, calls, action));
        }
        return Stats.of(results).median();
    }

    private void breakdown(CamelContext context, ProducerTemplate template) throws Exception {
        progress("breakdown of the component's overhead");
        // the Task documents as the simulator sends them: Running (as in the 202) and Finished (as the last poll)
        Include running = supply.next();
        sim.withTaskRunTime(Duration.ofHours(1));
        String runningId = minimal.startRemoveInclude(running.jobId(), running.includeId());
        sim.withTaskRunTime(Duration.ZERO);
        byte[] runningBody = minimal.getTask(runningId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Include done = supply.next();
        String doneId = minimal.startRemoveInclude(done.jobId(), done.includeId());
        Thread.sleep(50);
        String doneText = minimal.getTask(doneId);
        byte[] doneBody = doneText.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        double parseRunning = medianMicros(5, 20_000, 20_000, x -> dev.camelveeam.veeamem.internal.EmCodec.read(runningBody,
                dev.camelveeam.veeamem.VeeamEmFormat.xml, Task.class, "bench"));
        double parseDone = medianMicros(5, 20_000, 20_000, x -> dev.camelveeam.veeamem.internal.EmCodec.read(doneBody,
                dev.camelveeam.veeamem.VeeamEmFormat.xml, Task.class, "bench"));
        double indexOf = medianMicros(5, 20_000, 200_000, x -> {
            String text = new String(doneBody, java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains("<State>Finished</State>") || !text.contains("Success=\"true\"")) {
                throw new IllegalStateException();
            }
        });

        // Camel with no HTTP: a route doing nothing, and a route whose async step completes on another thread after a
        // zero-delay schedule, as the component's wait does (caller -> scheduler thread -> caller)
        java.util.concurrent.ScheduledExecutorService scheduler = context.getExecutorServiceManager()
                .newScheduledThreadPool(this, "bench-handoff", 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bench-noop").process(exchange -> exchange.getMessage().setBody("done"));
                from("direct:bench-async").process(new org.apache.camel.support.AsyncProcessorSupport() {
                    @Override
                    public boolean process(Exchange exchange, org.apache.camel.AsyncCallback callback) {
                        scheduler.schedule(() -> {
                            exchange.getMessage().setBody("done");
                            callback.done(false);
                        }, 0, TimeUnit.MILLISECONDS);
                        return false;
                    }
                });
            }
        });
        Include any = supply.next();
        double camelSync = medianMicros(5, 20_000, 20_000, x -> template.request("direct:bench-noop", e -> headers(e, any)));
        double camelAsync = medianMicros(5, 5_000, 5_000, x -> template.request("direct:bench-async", e -> headers(e, any)));
        double handoff = medianMicros(5, 5_000, 5_000, x -> {
            CompletableFuture<Object> future = new CompletableFuture<>();
            scheduler.schedule(() -> future.complete("done"), 0, TimeUnit.MILLISECONDS);
            future.join();
        });
        context.getExecutorServiceManager().shutdown(scheduler);

        // the simulator's raw latency, seen by the minimal client: one GET /tasks/{id}
        double rtt = medianMicros(5, 2_000, 2_000, x -> minimal.getTask(doneId));
        requestLog.drain();

        double componentExtra = camelAsync + parseRunning + parseDone - 2 * indexOf;
        line("## Where the component's time goes");
        line("");
        line("In-process micro-measurements (mean µs per call, median of 5 runs, after warm-up), with the simulator idle"
             + " except for the last row. At D = 0 the minimal client does DELETE, GET on the calling thread and two"
             + " `indexOf` scans; the component additionally runs a Camel exchange, sends its requests on HttpClient's"
             + " async client (the answers arrive on an I/O thread), continues the exchange on its route-work pool and"
             + " wakes the waiting caller (thread hand-offs), and binds both Task documents with Jackson XML. The"
             + " hand-off rows below model one scheduler hop out and one back; the real path has more.");
        line("");
        line("| Step | µs per call | Per operation |");
        line("|---|---:|---:|");
        line("| `EmCodec.read` of the 202 Task (Running, " + runningBody.length + " bytes) | " + Stats.num(parseRunning, 1)
             + " | 1 |");
        line("| `EmCodec.read` of the polled Task (Finished, " + doneBody.length + " bytes) | " + Stats.num(parseDone, 1)
             + " | 1 |");
        line("| Minimal client's `indexOf` checks of a Task | " + Stats.num(indexOf, 2) + " | 2 |");
        line("| `template.request` to a route with one synchronous processor (Camel alone) | " + Stats.num(camelSync, 1)
             + " | |");
        line("| `template.request` to a route whose async step completes on a scheduler thread after schedule(0):"
             + " Camel + 2 hand-offs | " + Stats.num(camelAsync, 1) + " | 1 |");
        line("| Bare hand-off round trip: schedule(0) on a 1-thread scheduler + join | " + Stats.num(handoff, 1) + " | |");
        line("| Simulator round trip: one `GET /tasks/{id}` by the minimal client (loopback, HttpClient, simulator) | "
             + Stats.num(rtt, 1) + " | 2 |");
        line("");
        line("Expected component overhead at D = 0 from these parts (Camel + hand-offs + 2 parses − 2 indexOf scans): **"
             + Stats.num(componentExtra, 0) + " µs per operation**, against a minimal-client operation of about "
             + Stats.num(2 * rtt, 0) + " µs (2 round trips) when idle.");
        line("");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 9. adaptive polling against plain doubling

    private void adaptive() throws Exception {
        AdaptivePhase phase = new AdaptivePhase(
                sim, supply, PASSWORD, settings.adaptiveTasks(),
                settings.adaptiveSeconds(), settings.pollMaxDelay(), this::line);
        AdaptivePhase.Result r = phase.run(requestLog::drain);
        recordPhase("adaptive and back-off, component", RequestCount.of(phase.log, RequestCount.COMPONENT_AGENT),
                2L * r.tasks(), (r.adaptivePolls() + r.backoffPolls()) / 2);
        List<String> missed = r.missed();
        verdicts.set("adaptiveP50", "all operations: p50 of delay − 10 % " + Stats.num(r.adaptiveAll().normalizedP50(), 1)
                                    + " ms, p95 of delay − 25 % " + Stats.num(r.adaptiveAll().normalizedP95(), 1) + " ms"
                                    + (missed.isEmpty() ? "; every operation within the bar" : "; missed by " + missed)
                                    + " (back-off: " + Stats.num(r.backoffAll().normalizedP50(), 1) + " / "
                                    + Stats.num(r.backoffAll().normalizedP95(), 1) + " ms)",
                missed.isEmpty() && r.adaptiveAll().met());
        verdicts.set("adaptivePolls", Stats.num(r.adaptivePolls(), 2) + " adaptive against " + Stats.num(r.backoffPolls(), 2)
                                      + " doubling, " + r.tasks() + " tasks each",
                r.adaptivePolls() <= r.backoffPolls());
        verdicts.set("adaptiveBounds", "gaps " + Stats.num(r.minGap(), 1) + "–" + Stats.num(r.maxGap(), 1)
                                       + " ms as received; largest delay " + Stats.num(r.maxDelay(), 1) + " ms",
                r.minGap() >= 90 && r.maxGap() <= settings.pollMaxDelay() + 500
                        && r.maxDelay() <= settings.pollMaxDelay() + 500);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // requests and verdicts

    private void recordPhase(String phase, RequestCount requests, long ops, double expectedPollsPerOp) {
        requestsByPhase.put(phase, requests);
        opsByPhase.put(phase, ops);
        expectedPollsByPhase.put(phase, expectedPollsPerOp);
    }

    private void requestsPerOperation() {
        line("## Requests per operation");
        line("");
        line("From the simulator's request log, told apart by User-Agent. 'Operation' = `DELETE /api/jobs/{id}/includes/{id}`;"
             + " 'polls' = `GET /api/tasks/{id}`; 'other' = anything else; logons = `POST /api/sessionMngr/`. Each phase"
             + " starts with the client already logged on.");
        line("");
        line("| Phase, client | Operations | Logons | Operation requests | Polls | Other | 4xx/5xx | Requests per op |"
             + " Polls per task | Polls per task by the schedule |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        requestsByPhase.forEach((phase, r) -> {
            long ops = opsByPhase.get(phase);
            line("| " + phase + " | " + ops + " | " + r.logons() + " | " + r.operations() + " | " + r.polls() + " | "
                 + r.other()
                 + " | " + r.failed() + " | " + Stats.num((double) r.total() / ops, 3) + " | "
                 + Stats.num((double) r.polls() / ops, 3) + " | " + Stats.num(expectedPollsByPhase.get(phase), 3) + " |");
        });
        line("");
        line("Logons over the whole run, all clients: " + sim.getLogonCount() + ", for " + contexts + " Camel contexts (each"
             + " has its own veeam-em component, so its own logon) and the minimal client: one logon per client for the"
             + " whole run.");
        line("");
    }

    private void verdicts() {
        RequestCount componentTotal = new RequestCount(0, 0, 0, 0, 0);
        long componentOps = 0;
        for (var entry : requestsByPhase.entrySet()) {
            if (entry.getKey().endsWith("component")) {
                componentTotal = componentTotal.plus(entry.getValue());
                componentOps += opsByPhase.get(entry.getKey());
            }
        }
        if (componentOps > 0) {
            verdicts.set("requests", componentTotal.other() + " other requests, " + componentTotal.operations()
                                     + " DELETEs for " + componentOps + " operations, " + componentTotal.logons()
                                     + " logons during the phases",
                    componentTotal.other() == 0 && componentTotal.operations() == componentOps
                            && componentTotal.logons() == 0);
        }
        double maxDelay = Double.isNaN(inFlightMaxDelay) ? sweepMaxDelay
                : Double.isNaN(sweepMaxDelay) ? inFlightMaxDelay : Math.max(inFlightMaxDelay, sweepMaxDelay);
        if (!Double.isNaN(maxDelay)) {
            verdicts.set("cap", "max " + Stats.num(maxDelay, 1) + " ms (in flight: "
                                + (Double.isNaN(inFlightMaxDelay) ? "not run" : Stats.num(inFlightMaxDelay, 1) + " ms")
                                + ", sweep: " + (Double.isNaN(sweepMaxDelay) ? "not run" : Stats.num(sweepMaxDelay, 1) + " ms")
                                + ")",
                    maxDelay <= settings.pollMaxDelay());
        }
        line("## Against the targets");
        line("");
        report.append(verdicts.table());
        line("");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static void progress(String text) {
        System.err.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + text);
    }

    private static String mib(long bytes) {
        return Stats.num(bytes / (1024.0 * 1024.0), 1) + " MiB";
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
