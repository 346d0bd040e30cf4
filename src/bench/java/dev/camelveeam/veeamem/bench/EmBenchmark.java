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
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.camelveeam.veeamem.VeeamEmComponent;
import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.bench.IncludeSupply.Include;
import dev.camelveeam.veeamem.bench.ProcessProbe.LiveThread;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The performance benchmark of the veeam-em component against the embedded EM simulator on loopback. Not a unit
 * test: run it with {@code mvn -B -Pbench verify -DskipTests} (see docs/benchmarks.md). One run measures, in order:
 * <ol>
 * <li>1,000 tasks in flight (each running {@code bench.inFlightTaskSeconds} on the simulator): live threads by owner
 * and heap before the Camel context starts, once started, and while the 1,000 exchanges wait; the delay from each
 * task finishing to its exchange completing; the simulator's own heap per task;</li>
 * <li>the time per {@code removeInclude} (task finishing at once) through the component (a route
 * {@code direct: -> veeam-em:removeInclude}, called with a ProducerTemplate) and through {@link MinimalEmClient}, for
 * each initial poll delay, in interleaved rounds;</li>
 * <li>throughput of both at each concurrency (closed loop, one thread per concurrent caller);</li>
 * <li>the completion delay over a sweep of task run times, with the component's default poll back-off;</li>
 * <li>in-process micro-measurements of the steps the component adds to the minimal client's work;</li>
 * </ol>
 * and, for every phase, the requests each client sent per operation, from the simulator's request log. The report is
 * printed and written to {@code target/bench/benchmark-report.md}.
 */
public final class EmBenchmark {

    private static final String USER = "bench";
    private static final String PASSWORD = "bench-Pa55&word";
    private static final String INDEX_HEADER = "BenchIndex";
    private static final Path REPORT = Path.of("target", "bench", "benchmark-report.md");

    private final BenchSettings settings;
    private final EmSimulator sim;
    private final IncludeSupply supply;
    private final StringBuilder report = new StringBuilder();
    private final Map<String, RequestCount> requestsByPhase = new LinkedHashMap<>();
    private final Map<String, Long> opsByPhase = new LinkedHashMap<>();
    private final Map<String, Double> expectedPollsByPhase = new LinkedHashMap<>();
    private MinimalEmClient minimal;
    /** Camel contexts started, each with its own veeam-em component and so its own logon. */
    private int contexts;

    private EmBenchmark(BenchSettings settings, EmSimulator sim) {
        this.settings = settings;
        this.sim = sim;
        this.supply = new IncludeSupply(sim, 16);
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int exitCode = 0;
        EmBenchmark bench = null;
        try (EmSimulator sim = new EmSimulator().withUser(USER, PASSWORD).withSeedData(false)
                .withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO).start()) {
            bench = new EmBenchmark(settings, sim);
            bench.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            exitCode = 1;
        }
        if (bench != null) {
            String text = bench.report.toString();
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
        try {
            minimal.logOn();
            // every simulator thread exists before any baseline is taken
            for (Include include : supply.next(64)) {
                minimal.removeInclude(include.jobId(), include.includeId(), 0, settings.pollMaxDelay());
            }
            if (settings.runs("inflight")) {
                inFlight();
            }
            CamelContext context = newContext(routes());
            try {
                ProducerTemplate template = context.createProducerTemplate();
                // log on before the measured phases (each of them starts logged on), and let the JIT compile both
                // clients' paths
                progress("warm-up: " + settings.warmupOps() + " operations through each client");
                for (Include include : supply.next(settings.warmupOps())) {
                    viaComponent(template, latencyRoute(0), include);
                }
                for (Include include : supply.next(settings.warmupOps())) {
                    minimal.removeInclude(include.jobId(), include.includeId(), 0, settings.pollMaxDelay());
                }
                sim.clearRequests();
                if (settings.runs("latency")) {
                    latency(template);
                }
                if (settings.runs("throughput")) {
                    throughput(template);
                }
                if (settings.runs("sweep")) {
                    completionDelaySweep(context);
                }
                if (settings.runs("breakdown")) {
                    breakdown(context, template);
                }
            } finally {
                context.stop();
            }
            requestsPerOperation();
            verdicts();
        } finally {
            minimal.close();
        }
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
        line("| Memory | " + ProcessProbe.totalPhysicalMemory() / (1024 * 1024) + " MiB |");
        line("| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
             + System.getProperty("os.arch") + " |");
        line("| JDK | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |");
        line("| JVM options | `" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + "` |");
        line("| Heap max | " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB |");
        line("");
        line("Settings: " + settings + ".");
        line("");
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

    private String veeamUri(String pollOptions) {
        return "veeam-em:removeInclude?baseUrl=" + sim.getBaseUrl() + "&username=" + USER + "&password=RAW(" + PASSWORD
               + ")" + pollOptions;
    }

    private static String latencyRoute(long initialDelay) {
        return "direct:remove-" + initialDelay;
    }

    /** One route per initial poll delay, plus one with the default poll settings that stamps completion times. */
    private Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put(latencyRoute(0), veeamUri("&pollInitialDelay=0&pollMaxDelay=" + settings.pollMaxDelay()));
        for (long delay : settings.pollInitialDelays()) {
            routes.put(latencyRoute(delay), veeamUri("&pollInitialDelay=" + delay + "&pollMaxDelay=" + settings.pollMaxDelay()));
        }
        routes.put(latencyRoute(settings.throughputPollInitialDelay()),
                veeamUri("&pollInitialDelay=" + settings.throughputPollInitialDelay() + "&pollMaxDelay=" + settings.pollMaxDelay()));
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

    private CamelContext newContext(Map<String, String> routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routes.forEach((from, to) -> from(from).to(to));
                from("direct:stamped").to(veeamUri("")).process(EmBenchmark::stamp);
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

    private static void headers(Exchange exchange, Include include) {
        exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, include.jobId());
        exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, include.includeId());
    }

    /** removeInclude through the component; fails loudly unless the exchange ends with the Finished, successful task. */
    private static void viaComponent(ProducerTemplate template, String route, Include include) {
        Exchange result = template.request(route, exchange -> headers(exchange, include));
        checkFinished(result);
    }

    private static void checkFinished(Exchange result) {
        if (result.getException() != null) {
            throw new IllegalStateException("exchange failed: " + result.getException(), result.getException());
        }
        Task task = result.getMessage().getBody(Task.class);
        if (task == null || !task.isFinished() || task.isFailed()) {
            throw new IllegalStateException("exchange did not end with a successful Finished task: " + task);
        }
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
    // 1. 1,000 tasks in flight

    /** Per in-flight task: when the simulator received its DELETE, and its task number (task-N). */
    private void inFlight() throws Exception {
        int n = settings.inFlight();
        Duration taskTime = Duration.ofSeconds(settings.inFlightTaskSeconds());
        sim.withTaskRunTime(Duration.ZERO);

        // the simulator's own heap per task in flight, measured first, on a quiet simulator: the same number of
        // tasks started by the minimal client, which keeps only their ids
        progress("in flight: the simulator's heap per task");
        List<Include> simIncludes = supply.next(n);
        String[] simTaskIds = new String[n];
        sim.clearRequests();
        sim.withTaskRunTime(taskTime);
        long simBefore = ProcessProbe.classHistogram().totalBytes();
        for (int i = 0; i < n; i++) {
            simTaskIds[i] = minimal.startRemoveInclude(simIncludes.get(i).jobId(), simIncludes.get(i).includeId());
        }
        sim.clearRequests();
        long simInFlight = ProcessProbe.classHistogram().totalBytes();
        sim.withTaskRunTime(Duration.ZERO);
        double simKbPerTask = (simInFlight - simBefore) / 1024.0 / n;
        // let those tasks finish before the component's run starts
        Thread.sleep(taskTime.toMillis() + 500);

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
        long[] receivedMicros = new long[n];
        int pollCapacity = n * 12;
        int[] pollTask = new int[pollCapacity];
        long[] pollMicros = new long[pollCapacity];
        int polls = 0;
        Stamps stamps = new Stamps(n);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();

        long heapBefore = ProcessProbe.classHistogram().totalBytes();
        long usedBefore = ProcessProbe.usedHeapAfterGc();
        List<LiveThread> threadsBefore = ProcessProbe.liveThreads();
        ProcessProbe.resetPeakThreadCount();

        CamelContext context = newContext(Map.of());
        List<LiveThread> threadsInFlight;
        List<LiveThread> threadsStarted;
        long heapStarted;
        long heapInFlight;
        long heapAfter;
        long usedStarted;
        long usedInFlight;
        double snapshotSeconds;
        int peakThreads;
        double acceptSeconds;
        int completedAtSnapshot;
        RequestCount requests;
        ProcessProbe.Histogram histogramStarted;
        ProcessProbe.Histogram histogramInFlight;
        try {
            // Non-threaded async mode: asyncSend runs on the calling (sender) thread, which the component keeps only
            // for the DELETE; the future completes on the poller thread that sees the task Finished.
            ProducerTemplate template = context.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            for (Include include : warmup) {
                checkFinished(template.request("direct:stamped", exchange -> headers(exchange, include)));
            }
            sim.withTaskRunTime(taskTime);
            sim.clearRequests();
            usedStarted = ProcessProbe.usedHeapAfterGc();
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
                        if (error != null || exchange.getException() != null) {
                            failed.incrementAndGet();
                        }
                        finished.incrementAndGet();
                    });
                    accepted.incrementAndGet();
                });
            }
            waitFor(() -> accepted.get() == n, Duration.ofSeconds(120), "all DELETEs answered");
            acceptSeconds = (System.nanoTime() - start) / 1e9;
            threadsInFlight = ProcessProbe.liveThreads();
            peakThreads = ProcessProbe.peakThreadCount();

            // measure the heap between two waves of polls, so that the simulator's request log (its test record, not
            // state a real EM would hold in this process) can be emptied without losing any request: keep what is
            // needed from it, clear it, then count what is live
            waitForQuiet(Duration.ofMillis(400), taskTime.minusSeconds(2), start);
            snapshotSeconds = (System.nanoTime() - start) / 1e9;
            List<RecordedRequest> log = sim.getRequests();
            requests = RequestCount.of(log, RequestCount.COMPONENT_AGENT);
            polls = keepTimes(log, indexOf, receivedMicros, pollTask, pollMicros, polls);
            log = null;
            sim.clearRequests();
            histogramInFlight = ProcessProbe.classHistogram();
            heapInFlight = histogramInFlight.totalBytes();
            usedInFlight = ProcessProbe.usedHeapAfterGc();
            completedAtSnapshot = finished.get();

            waitFor(() -> finished.get() >= n, taskTime.plusSeconds(120), "all exchanges completed");
            log = sim.getRequests();
            requests = requests.plus(RequestCount.of(log, RequestCount.COMPONENT_AGENT));
            polls = keepTimes(log, indexOf, receivedMicros, pollTask, pollMicros, polls);
            log = null;
            sim.clearRequests();
            heapAfter = ProcessProbe.classHistogram().totalBytes();
        } finally {
            STAMPS.set(null);
            context.stop();
            sim.withTaskRunTime(Duration.ZERO);
        }
        List<LiveThread> threadsStopped = ProcessProbe.liveThreads();
        senders.shutdown();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " in-flight exchanges failed");
        }
        int expectedPolls = expectedPolls(taskTime.toMillis(), 200, settings.pollMaxDelay());
        recordPhase("in flight, component", requests, n, expectedPolls);

        // completion delays
        double taskMillis = taskTime.toMillis();
        double expectedDelay = expectedPollTime(taskTime.toMillis(), 200, settings.pollMaxDelay()) - taskMillis;
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (receivedMicros[i] > 0 && stamps.completedMicros[i] > 0) {
                delays.add((stamps.completedMicros[i] - receivedMicros[i]) / 1000.0 - taskMillis);
            }
        }
        Stats delay = Stats.of(delays);

        // when each poll went out, after the DELETE, against its nominal time
        Map<Integer, Integer> indexOfTask = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOfTask.put(stamps.taskNumbers[i], i);
        }
        Map<Integer, List<Double>> offsetsByTask = new HashMap<>();
        for (int p = 0; p < polls; p++) {
            Integer index = indexOfTask.get(pollTask[p]);
            if (index != null && receivedMicros[index] > 0) {
                offsetsByTask.computeIfAbsent(index, k -> new ArrayList<>())
                        .add((pollMicros[p] - receivedMicros[index]) / 1000.0);
            }
        }
        Map<Integer, List<Double>> lateByPoll = new java.util.TreeMap<>();
        Map<Integer, List<Double>> atByPoll = new java.util.TreeMap<>();
        for (List<Double> offsets : offsetsByTask.values()) {
            offsets.sort(null);
            long nominal = 0;
            long step = 200;
            for (int j = 0; j < offsets.size(); j++) {
                nominal += step;
                step = Math.min(step * 2, settings.pollMaxDelay());
                atByPoll.computeIfAbsent(j + 1, k -> new ArrayList<>()).add(offsets.get(j));
                lateByPoll.computeIfAbsent(j + 1, k -> new ArrayList<>()).add(offsets.get(j) - nominalPollTime(j + 1));
            }
        }

        line("## 1. " + n + " tasks in flight");
        line("");
        line("Each task runs " + taskTime.toSeconds() + " s on the simulator; the route `direct:stamped -> veeam-em:removeInclude`"
             + " has the default poll settings (first poll after 200 ms, doubling to 5 s) and the default pollerPoolSize (4)."
             + " " + settings.senderThreads() + " harness threads (`bench-sender-*`, started before the baseline) call"
             + " `ProducerTemplate.asyncSend` in non-threaded async mode, so each is held only for the DELETE; the exchange"
             + " then waits in the component's TaskPoller without a thread.");
        line("");
        line("All " + n + " DELETEs were answered " + Stats.num(acceptSeconds, 2) + " s after the first was sent; "
             + completedAtSnapshot + " exchanges had completed when the in-flight snapshot was taken.");
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
        line("Threads alive while " + n + " tasks are in flight that were not before the context started (digits folded to #):");
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
        line("Added by the component (its `VeeamEmTaskPoller` pool and any HttpClient thread): **" + componentAdded
             + "**; added by Camel itself or others: " + otherAdded + ".");
        line("");
        line("### Heap");
        line("");
        double kbPerTask = (heapInFlight - heapStarted) / 1024.0 / n;
        line("Live heap = total of `GC.class_histogram` (a full GC, then every live object counted). The in-flight point"
             + " is taken " + Stats.num(snapshotSeconds, 2) + " s after the first DELETE, between two waves of polls, with"
             + " the simulator's request log emptied. Cross-check: used heap read right after `System.gc()`.");
        line("");
        line("| Point | Live heap | Growth over the started context | Used heap after System.gc() |");
        line("|---|---:|---:|---:|");
        line("| Before the Camel context starts | " + mib(heapBefore) + " | | " + mib(usedBefore) + " |");
        line("| Context started, logged on, warm | " + mib(heapStarted) + " | | " + mib(usedStarted) + " |");
        line("| " + n + " in flight | " + mib(heapInFlight) + " | " + mib(heapInFlight - heapStarted)
             + " = **" + Stats.num(kbPerTask, 2) + " KB per task** | " + mib(usedInFlight) + " ("
             + Stats.num((usedInFlight - usedStarted) / 1024.0 / n, 2) + " KB per task) |");
        line("| All completed (context still up) | " + mib(heapAfter) + " | " + mib(heapAfter - heapStarted) + " | |");
        line("");
        line("The simulator runs in the same process; its own share, measured first by starting " + n + " tasks with the"
             + " minimal client (which keeps only their ids), is **" + Stats.num(simKbPerTask, 2) + " KB per task** (it keeps"
             + " every task of a session for the session's life, so that part stays after completion too). Process"
             + " growth without the simulator's share: **" + Stats.num(kbPerTask - simKbPerTask, 2) + " KB per task**"
             + " (the Camel exchange, the component's wait and its scheduled poll, the harness's future).");
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
        line("### Completion delay of the " + n + " in-flight tasks");
        line("");
        line("Delay = exchange completed (stamped by the route right after the veeam-em step) − (simulator received the"
             + " DELETE + task run time); the simulator schedules the task after receiving the request, so this slightly"
             + " overstates the delay. On the nominal schedule the poll that sees a " + taskTime.toSeconds() + " s task"
             + " Finished is due " + Stats.num(expectedDelay, 0) + " ms after it finished (poll " + expectedPolls + " at "
             + nominalPollTime(expectedPolls) + " ms).");
        line("");
        line("| Tasks | Median ms | p10 | p90 | Max ms | Nominally due ms | Back-off cap ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        line("| " + delay.n() + " | " + Stats.num(delay.median(), 1) + " | " + Stats.num(delay.p10(), 1) + " | "
             + Stats.num(delay.p90(), 1) + " | " + Stats.num(delay.max(), 1) + " | " + Stats.num(expectedDelay, 0) + " | "
             + settings.pollMaxDelay() + " |");
        line("");
        line("When the polls reached the simulator, after the DELETE (ms), against the nominal schedule. Each wait"
             + " schedules its next poll when the previous one has returned, so a poll that starts late moves every later"
             + " one; with " + n + " tasks polled by 4 threads the polls of one wave queue behind each other:");
        line("");
        line("| Poll | Tasks | Nominal ms | Actual: median | p90 | max | Late by: median | max |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        atByPoll.forEach((poll, at) -> {
            Stats a = Stats.of(at);
            Stats l = Stats.of(lateByPoll.get(poll));
            line("| " + poll + " | " + a.n() + " | " + nominalPollTime(poll) + " | " + Stats.num(a.median(), 0) + " | "
                 + Stats.num(a.p90(), 0) + " | " + Stats.num(a.max(), 0) + " | " + Stats.num(l.median(), 0) + " | "
                 + Stats.num(l.max(), 0) + " |");
        });
        line("");

        inFlightThreads = componentAdded;
        inFlightKbPerTask = kbPerTask;
        inFlightKbPerTaskWithoutSim = kbPerTask - simKbPerTask;
        inFlightMaxDelay = delay.max();
    }

    /**
     * Waits until the simulator has received no request for {@code quiet}, but no longer than until {@code latest}
     * after {@code startNanos}.
     */
    private void waitForQuiet(Duration quiet, Duration latest, long startNanos) throws InterruptedException {
        int seen = -1;
        long since = System.nanoTime();
        while (System.nanoTime() - startNanos < latest.toNanos()) {
            int now = sim.getRequests().size();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    /** The nominal time, after the 202, of poll number {@code poll} (1-based) with the default settings. */
    private long nominalPollTime(int poll) {
        long at = 0;
        long step = 200;
        for (int j = 0; j < poll; j++) {
            at += step;
            step = Math.min(step * 2, settings.pollMaxDelay());
        }
        return at;
    }

    /** Keeps the DELETE times (by include) and the component's poll times (by task number) of a request log. */
    private static int keepTimes(List<RecordedRequest> log, Map<String, Integer> indexOf, long[] receivedMicros,
                                 int[] pollTask, long[] pollMicros, int polls) {
        for (RecordedRequest request : log) {
            if (!RequestCount.COMPONENT_AGENT.equals(request.header("User-Agent"))) {
                continue;
            }
            String path = request.path();
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (request.method().equals("DELETE")) {
                Integer index = indexOf.get(last);
                if (index != null) {
                    receivedMicros[index] = micros(request.receivedAt());
                }
            } else if (request.method().equals("GET") && path.startsWith("/api/tasks/task-") && polls < pollTask.length) {
                pollTask[polls] = Integer.parseInt(last.substring("task-".length()));
                pollMicros[polls] = micros(request.receivedAt());
                polls++;
            }
        }
        return polls;
    }

    private int inFlightThreads;
    private double inFlightKbPerTask;
    private double inFlightKbPerTaskWithoutSim;
    private double inFlightMaxDelay;
    private double sweepMaxDelay;
    /** Per initial poll delay: ratio of the medians of round means, ratio of the per-operation medians. */
    private final Map<Long, double[]> ratioByDelay = new LinkedHashMap<>();

    /** When, after the 202, the poll that first sees a task of the given run time Finished is due. */
    static long expectedPollTime(long runMillis, long initialDelay, long maxDelay) {
        long at = 0;
        long delay = initialDelay;
        while (true) {
            at += delay;
            if (at >= runMillis) {
                return at;
            }
            delay = Math.min(delay * 2, maxDelay);
        }
    }

    /** How many polls that takes. */
    static int expectedPolls(long runMillis, long initialDelay, long maxDelay) {
        long at = 0;
        long delay = initialDelay;
        int polls = 0;
        while (true) {
            at += delay;
            polls++;
            if (at >= runMillis) {
                return polls;
            }
            delay = Math.min(delay * 2, maxDelay);
        }
    }

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
            return new Mark(System.nanoTime(), ProcessProbe.processCpuNanos(), ProcessProbe.simulatorCpuNanos(),
                    ProcessProbe.clientThreadCost());
        }

        /** Per-operation costs from this mark to now; {@code value} is filled by the caller's choice. */
        Sample until(long ops, java.util.function.DoubleUnaryOperator valueOfSeconds, List<Double> opMillis) {
            Mark end = now();
            ProcessProbe.ThreadCost client = end.client.minus(this.client);
            double seconds = (end.nanos - nanos) / 1e9;
            return new Sample(valueOfSeconds.applyAsDouble(seconds), opMillis, (end.processCpu - processCpu) / 1e3 / ops,
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

    /** Enough operations for a round of about bench.roundMillis, at least 10. */
    private int opsPerRound(long delay) {
        return (int) Math.max(10, settings.roundMillis() / (delay + 1));
    }

    private void latency(ProducerTemplate template) throws Exception {
        line("## 2. Time per removeInclude, task finishing at once");
        line("");
        line("The simulator's tasks finish as soon as they are created (run and collect time 0). Both clients poll on the"
             + " same schedule: first `GET /tasks/{id}` D ms after the 202, then doubling up to 5 s. Component = "
             + "`ProducerTemplate.request(\"direct:remove-D\")` with the route `direct:remove-D -> veeam-em:removeInclude"
             + "?pollInitialDelay=D&pollMaxDelay=5000`; minimal = `MinimalEmClient` (same HttpClient 5 classic pool"
             + " settings, one logon, sleeps on the calling thread, reads the XML with indexOf). One caller thread. After a"
             + " JIT warm-up of " + settings.warmupOps() + " operations through each client: per D, "
             + settings.warmupRounds() + " warm-up rounds of each, then " + settings.rounds() + " measured rounds, component"
             + " and minimal rounds interleaved (their order alternating); a round is max(10, " + settings.roundMillis()
             + " / (D + 1)) operations. Round value = its total time / operations.");
        line("");
        line("| D (ms) | Ops/round | Component ms/op: median of rounds [min–max] | Minimal ms/op | **Ratio of the medians** | "
             + "Ratio per round pair: median [min–max] | Per-op p50 / p90 ms: component | minimal | **Ratio of per-op p50** |");
        line("|---:|---:|---|---|---:|---|---|---|---:|");
        StringBuilder costs = new StringBuilder();
        for (long delay : settings.pollInitialDelays()) {
            progress("latency, D = " + delay + " ms");
            int ops = opsPerRound(delay);
            String route = latencyRoute(delay);
            sim.clearRequests();
            Operation component = include -> viaComponent(template, route, include);
            Operation reference = include -> minimal.removeInclude(include.jobId(), include.includeId(), delay,
                    settings.pollMaxDelay());
            for (int w = 0; w < settings.warmupRounds(); w++) {
                round(ops, component);
                round(ops, reference);
            }
            List<Sample> componentRounds = new ArrayList<>();
            List<Sample> minimalRounds = new ArrayList<>();
            for (int r = 0; r < settings.rounds(); r++) {
                if (r % 2 == 0) {
                    componentRounds.add(round(ops, component));
                    minimalRounds.add(round(ops, reference));
                } else {
                    minimalRounds.add(round(ops, reference));
                    componentRounds.add(round(ops, component));
                }
            }
            List<RecordedRequest> log = sim.getRequests();
            long totalOps = (long) ops * (settings.warmupRounds() + settings.rounds());
            recordPhase("latency D=" + delay + ", component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), totalOps, 1);
            recordPhase("latency D=" + delay + ", minimal", RequestCount.of(log, MinimalEmClient.USER_AGENT), totalOps, 1);
            log = null;
            sim.clearRequests();

            Stats c = Stats.of(componentRounds.stream().map(Sample::value).toList());
            Stats m = Stats.of(minimalRounds.stream().map(Sample::value).toList());
            List<Double> paired = new ArrayList<>();
            for (int r = 0; r < settings.rounds(); r++) {
                paired.add(componentRounds.get(r).value() / minimalRounds.get(r).value());
            }
            Stats ratio = Stats.of(paired);
            Stats cOps = Stats.of(componentRounds.stream().flatMap(x -> x.opMillis().stream()).toList());
            Stats mOps = Stats.of(minimalRounds.stream().flatMap(x -> x.opMillis().stream()).toList());
            double ratioOfMedians = c.median() / m.median();
            double ratioOfP50 = cOps.median() / mOps.median();
            ratioByDelay.put(delay, new double[] { ratioOfMedians, ratioOfP50 });
            int decimals = delay >= BenchSettings.SLOW_DELAY ? 2 : 3;
            line("| " + delay + " | " + ops + " | " + c.medianRange(decimals) + " | " + m.medianRange(decimals) + " | **"
                 + Stats.num(ratioOfMedians, 3) + "** | " + ratio.medianRange(3) + " | " + Stats.num(cOps.median(), decimals)
                 + " / " + Stats.num(cOps.p90(), decimals) + " | " + Stats.num(mOps.median(), decimals) + " / "
                 + Stats.num(mOps.p90(), decimals) + " | **" + Stats.num(ratioOfP50, 3) + "** |");
            costs.append(costRow("D = " + delay, componentRounds, minimalRounds));
        }
        line("");
        costLegend();
        report.append(costs);
        line("");
    }

    private void costLegend() {
        line("Cost per operation, median over the rounds (windows): CPU of the client threads (the callers and the"
             + " component's `VeeamEmTaskPoller` threads; JIT and GC threads excluded), bytes those threads allocated,"
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
        int variantPool = settings.variantPollerPoolSize();
        CamelContext variant = null;
        ProducerTemplate variantTemplate = null;
        if (variantPool > 0) {
            // the same routes on a component whose poller pool has more threads (a component option, no code change)
            variant = new DefaultCamelContext();
            VeeamEmComponent component = new VeeamEmComponent();
            component.setPollerPoolSize(variantPool);
            variant.addComponent("veeam-em", component);
            Map<String, String> routes = routes();
            variant.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    routes.forEach((from, to) -> from(from).to(to));
                }
            });
            variant.start();
            contexts++;
            variantTemplate = variant.createProducerTemplate();
            for (Include include : supply.next(settings.warmupOps() / 4)) {
                viaComponent(variantTemplate, route, include);
            }
            sim.clearRequests();
        }
        try {
            line("## 3. Throughput");
            line("");
            line("Closed loop: N caller threads (`bench-load-*`) each perform removeInclude after removeInclude (task"
                 + " finishing at once, D = " + delay + " ms, the same schedule for both clients; component through"
                 + " `ProducerTemplate.request`). Per concurrency, a " + settings.throughputWarmupSeconds()
                 + " s warm-up of each client, then " + settings.throughputRounds() + " rounds in which each client in turn (the"
                 + " order rotating) starts its threads, ramps up for 0.5 s and is measured for " + settings.windowSeconds()
                 + " s" + (variantPool > 0 ? "; the third client is the component with `pollerPoolSize=" + variantPool
                                           + "` (default 4), a component option" : "")
                 + ". Both clients use one HttpClient pool of at most 20 connections; the simulator serves on 8 threads;"
                 + " all share the machine's " + Runtime.getRuntime().availableProcessors() + " CPUs.");
            line("");
            line("| Concurrency | Component ops/s: median [min–max] | Minimal ops/s: median [min–max] | **Component / minimal** |"
                 + (variantPool > 0 ? " Component, pollerPoolSize=" + variantPool + ", ops/s | Its ratio to minimal |" : ""));
            line("|---:|---|---|---:|" + (variantPool > 0 ? "---|---:|" : ""));
            StringBuilder costs = new StringBuilder();
            record Client(String name, String agent, Operation operation, List<Sample> samples, LongAdder ops,
                          RequestCount[] requests) {
            }
            for (int concurrency : settings.concurrency()) {
                progress("throughput, concurrency " + concurrency);
                List<Client> clients = new ArrayList<>();
                clients.add(new Client("component", RequestCount.COMPONENT_AGENT,
                        include -> viaComponent(template, route, include), new ArrayList<>(), new LongAdder(),
                        new RequestCount[1]));
                clients.add(new Client("minimal", MinimalEmClient.USER_AGENT,
                        include -> minimal.removeInclude(include.jobId(), include.includeId(), delay, settings.pollMaxDelay()),
                        new ArrayList<>(), new LongAdder(), new RequestCount[1]));
                if (variantTemplate != null) {
                    ProducerTemplate vt = variantTemplate;
                    clients.add(new Client("component pollerPoolSize=" + variantPool, RequestCount.COMPONENT_AGENT,
                            include -> viaComponent(vt, route, include), new ArrayList<>(), new LongAdder(),
                            new RequestCount[1]));
                }
                for (Client client : clients) {
                    load(concurrency, client.operation(), new LongAdder(),
                            TimeUnit.SECONDS.toMillis(settings.throughputWarmupSeconds()), 0);
                }
                // rounds: each client in turn (the order rotating), so that drift and noise spread over all of them
                for (int r = 0; r < settings.throughputRounds(); r++) {
                    for (int k = 0; k < clients.size(); k++) {
                        Client client = clients.get((r + k) % clients.size());
                        sim.clearRequests();
                        client.samples().addAll(load(concurrency, client.operation(), client.ops(), 500, 1));
                        RequestCount sent = RequestCount.of(sim.getRequests(), client.agent());
                        client.requests()[0] = client.requests()[0] == null ? sent : client.requests()[0].plus(sent);
                    }
                }
                sim.clearRequests();
                for (Client client : clients) {
                    recordPhase("throughput c=" + concurrency + ", " + client.name(), client.requests()[0],
                            client.ops().sum(), 1);
                }
                List<Sample> c = clients.get(0).samples();
                List<Sample> m = clients.get(1).samples();
                Stats ct = Stats.of(c.stream().map(Sample::value).toList());
                Stats mt = Stats.of(m.stream().map(Sample::value).toList());
                String variantColumns = "";
                if (clients.size() > 2) {
                    Stats vs = Stats.of(clients.get(2).samples().stream().map(Sample::value).toList());
                    variantColumns = " " + vs.medianRange(0) + " | " + Stats.num(vs.median() / mt.median(), 3) + " |";
                }
                line("| " + concurrency + " | " + ct.medianRange(0) + " | " + mt.medianRange(0) + " | **"
                     + Stats.num(ct.median() / mt.median(), 3) + "** |" + variantColumns);
                costs.append(costRow("concurrency " + concurrency, c, m));
                if (clients.size() > 2) {
                    costs.append(costRow("concurrency " + concurrency + ", component pollerPoolSize=" + variantPool
                                         + " / minimal", clients.get(2).samples(), m));
                }
            }
            line("");
            costLegend();
            report.append(costs);
            line("");
        } finally {
            if (variant != null) {
                variant.stop();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. completion delay sweep

    private void completionDelaySweep(CamelContext context) throws Exception {
        int step = settings.sweepStepMillis();
        int count = settings.sweepMaxSeconds() * 1000 / step + 1;
        progress("completion delay sweep: " + count + " tasks of 50 ms to " + settings.sweepMaxSeconds() + " s");
        ProducerTemplate template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        Stamps stamps = new Stamps(count);
        STAMPS.set(stamps);
        List<Include> includes = supply.next(count);
        long[] runMillis = new long[count];
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        sim.clearRequests();
        try {
            for (int i = 0; i < count; i++) {
                runMillis[i] = 50L + (long) i * step;
                sim.withTaskRunTime(Duration.ofMillis(runMillis[i]));
                int index = i;
                Include include = includes.get(i);
                // returns once the DELETE is answered, so the next run time applies only to the next task
                futures.add(template.asyncSend("direct:stamped", exchange -> {
                    headers(exchange, include);
                    exchange.getMessage().setHeader(INDEX_HEADER, index);
                }));
            }
        } finally {
            sim.withTaskRunTime(Duration.ZERO);
        }
        for (CompletableFuture<Exchange> future : futures) {
            checkFinished(future.get(settings.sweepMaxSeconds() + 120, TimeUnit.SECONDS));
        }
        STAMPS.set(null);
        List<RecordedRequest> log = sim.getRequests();
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
            double due = expectedPollTime(runMillis[i], 200, settings.pollMaxDelay()) - runMillis[i];
            expectedPolls += expectedPolls(runMillis[i], 200, settings.pollMaxDelay());
            delays.add(delay);
            excess.add(delay - due);
            rows.append(runMillis[i]).append(':').append(Stats.num(delay, 0)).append(i % 8 == 7 ? "\n" : "  ");
        }
        recordPhase("delay sweep, component", RequestCount.of(log, RequestCount.COMPONENT_AGENT), count, expectedPolls / count);
        sim.clearRequests();
        Stats d = Stats.of(delays);
        Stats e = Stats.of(excess);
        sweepMaxDelay = d.max();
        line("## 4. Completion delay over task run times");
        line("");
        line(count + " tasks with run times from 50 ms to " + (50 + (count - 1) * step) + " ms in " + step
             + " ms steps, all in flight together, default poll settings (first poll after 200 ms, doubling to the cap of "
             + settings.pollMaxDelay() + " ms): polls fall 200, 600, 1400, 3000, 6200, 11200, 16200… ms after the 202."
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
        sim.clearRequests();

        double componentExtra = camelAsync + parseRunning + parseDone - 2 * indexOf;
        line("## 5. Where the component's time goes");
        line("");
        line("In-process micro-measurements (mean µs per call, median of 5 runs, after warm-up), with the simulator idle"
             + " except for the last row. At D = 0 the minimal client does DELETE, GET on the calling thread and two"
             + " `indexOf` scans; the component additionally runs a Camel exchange, hands the first poll to its"
             + " scheduler thread and the completion back to the waiting caller (two thread hand-offs), and binds both"
             + " Task documents with Jackson XML.");
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
    // requests and verdicts

    private void recordPhase(String phase, RequestCount requests, long ops, double expectedPollsPerOp) {
        requestsByPhase.put(phase, requests);
        opsByPhase.put(phase, ops);
        expectedPollsByPhase.put(phase, expectedPollsPerOp);
    }

    private void requestsPerOperation() {
        line("## 6. Requests per operation");
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
            line("| " + phase + " | " + ops + " | " + r.logons() + " | " + r.operations() + " | " + r.polls() + " | " + r.other()
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
        double componentPolls = 0;
        for (var entry : requestsByPhase.entrySet()) {
            if (entry.getKey().contains("component")) {
                componentTotal = componentTotal.plus(entry.getValue());
                componentOps += opsByPhase.get(entry.getKey());
            }
        }
        line("## 7. Against the targets");
        line("");
        line("| Target | Measured | Met |");
        line("|---|---|---|");
        ratioByDelay.forEach((delay, ratio) -> line("| Component / minimal time per op ≤ 1.15 (D = " + delay + " ms) | "
                                                    + Stats.num(ratio[0], 3) + " (round means), " + Stats.num(ratio[1], 3)
                                                    + " (per-op medians) | "
                                                    + (ratio[0] <= 1.15 && ratio[1] <= 1.15 ? "yes"
                                                            : ratio[0] > 1.15 && ratio[1] > 1.15 ? "**no**" : "**borderline**")
                                                    + " |"));
        line("| ≤ 16 threads added by the component with " + settings.inFlight() + " in flight | " + inFlightThreads + " | "
             + yes(inFlightThreads <= 16) + " |");
        line("| Heap growth per in-flight task < 20 KB (whole process) | " + Stats.num(inFlightKbPerTask, 2)
             + " KB (without the in-process simulator's share: " + Stats.num(inFlightKbPerTaskWithoutSim, 2) + " KB) | "
             + yes(inFlightKbPerTask < 20) + " |");
        line("| No request beyond the operation and its polls | " + componentTotal.other() + " other requests, "
             + componentTotal.operations() + " operation requests for " + componentOps + " operations | "
             + yes(componentTotal.other() == 0 && componentTotal.operations() == componentOps) + " |");
        line("| No per-operation logon | " + componentTotal.logons() + " logons during " + componentOps
             + " measured operations | " + yes(componentTotal.logons() == 0) + " |");
        double maxDelay = Math.max(inFlightMaxDelay, sweepMaxDelay);
        line("| Completion noticed within the back-off cap (" + settings.pollMaxDelay() + " ms) | max "
             + Stats.num(maxDelay, 1) + " ms | " + yes(maxDelay <= settings.pollMaxDelay()) + " |");
        line("");
    }

    private static String yes(boolean met) {
        return met ? "yes" : "**no**";
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
