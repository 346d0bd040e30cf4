package dev.camelveeam.veeamem.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.VeeamEmDevConsole;
import dev.camelveeam.veeamem.bench.IncludeSupply.Include;
import dev.camelveeam.veeamem.internal.RunTimeEstimates;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.TaskFault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The {@code adaptive} phase: adaptive polling against plain doubling on one workload, interleaved in one run.
 * <p>
 * Seven operations, each with its run-time distribution (log-normal, medians 50 ms to 60 s; two of them change their
 * typical time halfway). An operation is a simulator user of its own, so a connection of its own, and the component
 * keeps its estimates per connection and operation: seven operations to learn. Each task is sent twice, once through
 * {@code pollStrategy=adaptive} and once through {@code pollStrategy=backoff} (same connection, same run time, the
 * order alternating), all in flight together. The run time of a task is set with {@code TaskFault.runFor}, so the
 * harness sends one task at a time and waits for the simulator to answer its DELETE before the next.
 */
final class AdaptivePhase {

    static final String STAMP_HEADER = "BenchCompletedMicros";
    private static final String SESSION_HEADER = "X-RestSvcSessionId";
    static final int OPERATIONS = 7;

    /**
     * One operation of the workload: a log-normal run time, its median changing after {@code changeAt} of its tasks.
     */
    record Operation(String name, long medianMillis, double sigma, double changeAt, long changedMedianMillis) {

        long medianAt(int index, int count) {
            return index >= changeAt * count ? changedMedianMillis : medianMillis;
        }

        String describe() {
            return medianMillis + " ms" + (changedMedianMillis != medianMillis
                    ? " → " + changedMedianMillis + " ms after " + Math.round(changeAt * 100) + " %" : "")
                   + ", σ " + sigma;
        }
    }

    static final List<Operation> WORKLOAD = List.of(
            new Operation("op1", 50, 0.25, 1, 50),
            new Operation("op2", 250, 0.3, 1, 250),
            new Operation("op3", 800, 0.3, 0.5, 2000),
            new Operation("op4", 2500, 0.3, 1, 2500),
            new Operation("op5", 8000, 0.35, 0.5, 4000),
            new Operation("op6", 20_000, 0.3, 1, 20_000),
            new Operation("op7", 60_000, 0.25, 1, 60_000));

    /** One task sent: through which strategy, its run time, and what came of it. */
    private static final class Sent {
        final int operation;
        final int index;
        final boolean adaptive;
        final long runMillis;
        final Include include;
        CompletableFuture<Exchange> result;
        long completedMicros;
        String taskId;

        Sent(int operation, int index, boolean adaptive, long runMillis, Include include) {
            this.operation = operation;
            this.index = index;
            this.adaptive = adaptive;
            this.runMillis = runMillis;
            this.include = include;
        }
    }

    /** What the phase measured per operation and strategy. */
    record Figures(double delayP50, double delayP95, double normalizedP50, double normalizedP95, double pollsPerTask,
            int tasks) {

        static Figures of(List<Double> delays, List<Double> normP50, List<Double> normP95, double pollsPerTask) {
            return new Figures(
                    quantile(delays, 0.5), quantile(delays, 0.95), quantile(normP50, 0.5),
                    quantile(normP95, 0.95), pollsPerTask, delays.size());
        }

        boolean met() {
            return normalizedP50 <= 50 && normalizedP95 <= 100;
        }
    }

    /** The q-quantile, linear interpolation between closest ranks (as {@link Stats}). */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    private final EmSimulator sim;
    private final IncludeSupply supply;
    private final String password;
    private final int tasksPerOperation;
    private final int seconds;
    private final long pollMaxDelay;
    private final Consumer<String> line;
    /** The simulator's log of the measured part, once run. */
    List<RecordedRequest> log = List.of();

    AdaptivePhase(EmSimulator sim, IncludeSupply supply, String password, int tasksPerOperation, int seconds,
                  long pollMaxDelay, Consumer<String> line) {
        this.sim = sim;
        this.supply = supply;
        this.password = password;
        this.tasksPerOperation = tasksPerOperation;
        this.seconds = seconds;
        this.pollMaxDelay = pollMaxDelay;
        this.line = line;
    }

    static String user(int operation) {
        return "bench-" + WORKLOAD.get(operation).name();
    }

    private String route(int operation, boolean adaptive) {
        return "direct:" + (adaptive ? "adaptive-" : "backoff-") + operation;
    }

    private String uri(int operation, boolean adaptive) {
        return "veeam-em:removeInclude?baseUrl=" + sim.getBaseUrl() + "&username=" + user(operation) + "&password=RAW("
               + password + ")&pollMaxDelay=" + pollMaxDelay + "&pollStrategy=" + (adaptive ? "adaptive" : "backoff");
    }

    /** The result: per operation, adaptive then back-off figures; also the overall verdict inputs. */
    Result run(java.util.function.Supplier<List<RecordedRequest>> drain) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int op = 0; op < OPERATIONS; op++) {
                    for (boolean adaptive : new boolean[] { true, false }) {
                        from(route(op, adaptive)).to(uri(op, adaptive)).process(exchange -> exchange.getMessage()
                                .setHeader(STAMP_HEADER, micros(Instant.now())));
                    }
                }
            }
        });
        context.start();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            // every connection logged on before the measured part, with a task that finishes at once; the adaptive side
            // learns it (about 150 ms: its first poll, at 200 ms, saw it Finished), as an operation's first task may
            // be unlike the others
            for (int op = 0; op < OPERATIONS; op++) {
                for (boolean adaptive : new boolean[] { true, false }) {
                    Include include = supply.next();
                    Exchange warm = template.request(route(op, adaptive), exchange -> headers(exchange, include));
                    if (warm.getException() != null) {
                        throw warm.getException();
                    }
                }
            }
            drain.get();
            List<Sent> sent = send(template);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            for (Sent task : sent) {
                Exchange result = task.result.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (result.getException() != null) {
                    throw new IllegalStateException(
                            "a task of " + WORKLOAD.get(task.operation).name() + " failed",
                            result.getException());
                }
                Task finished = result.getMessage().getBody(Task.class);
                if (finished == null || !finished.isFinished() || finished.isFailed()) {
                    throw new IllegalStateException("not a successful Finished task: " + finished);
                }
                task.completedMicros = result.getMessage().getHeader(STAMP_HEADER, Long.class);
                task.taskId = result.getMessage().getHeader(VeeamEmConstants.TASK_ID, String.class);
            }
            log = drain.get();
            String console = new ConsoleText(context).text();
            return analyse(sent, log, console);
        } finally {
            context.stop();
        }
    }

    private List<Sent> send(ProducerTemplate template) throws Exception {
        long spanMillis = seconds * 1000L;
        record Arrival(long atMillis, int operation, int index) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (int op = 0; op < OPERATIONS; op++) {
            double every = (double) spanMillis / tasksPerOperation;
            for (int i = 0; i < tasksPerOperation; i++) {
                arrivals.add(new Arrival(Math.round(i * every + op * every / OPERATIONS), op, i));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::atMillis));
        Random[] random = new Random[OPERATIONS];
        for (int op = 0; op < OPERATIONS; op++) {
            random[op] = new Random(1000 + op);
        }
        progress("adaptive: " + arrivals.size() + " tasks per strategy over " + seconds + " s, " + OPERATIONS
                 + " operations");
        List<Sent> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (Arrival arrival : arrivals) {
            long wait = arrival.atMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (wait > 0) {
                Thread.sleep(wait);
            }
            Operation operation = WORKLOAD.get(arrival.operation());
            long median = operation.medianAt(arrival.index(), tasksPerOperation);
            long runMillis = Math.max(1, Math.round(median * Math.exp(random[arrival.operation()].nextGaussian()
                                                                      * operation.sigma())));
            boolean adaptiveFirst = arrival.index() % 2 == 0;
            for (boolean adaptive : new boolean[] { adaptiveFirst, !adaptiveFirst }) {
                Sent task = new Sent(arrival.operation(), arrival.index(), adaptive, runMillis, supply.next());
                sim.faults().nextTask(TaskFault.runFor(Duration.ofMillis(runMillis)));
                task.result = template.asyncSend(route(task.operation, adaptive), exchange -> headers(exchange, task.include));
                awaitDeleteAnswered(task.include);
                sent.add(task);
            }
        }
        progress("adaptive: all sent in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)
                 + " s; waiting for the last tasks");
        return sent;
    }

    /** The figures, the report section, and the verdicts' inputs. */
    private Result analyse(List<Sent> sent, List<RecordedRequest> log, String console) {
        Map<String, Long> deleteMicros = new HashMap<>();
        Map<String, String> sessionOf = new HashMap<>();
        Map<String, List<Long>> pollMicros = new HashMap<>();
        for (RecordedRequest request : log) {
            if (!RequestCount.COMPONENT_AGENT.equals(request.header("User-Agent"))) {
                continue;
            }
            String path = request.path();
            // task ids are numbered per logon session, and every operation has a session of its own
            String session = request.header(SESSION_HEADER);
            if (request.method().equals("DELETE") && path.contains("/includes/")) {
                deleteMicros.put(path.substring(path.lastIndexOf('/') + 1), micros(request.receivedAt()));
                sessionOf.put(path.substring(path.lastIndexOf('/') + 1), session);
            } else if (request.method().equals("GET") && path.startsWith("/api/tasks/")) {
                pollMicros.computeIfAbsent(session + " " + path.substring("/api/tasks/".length()),
                        k -> new ArrayList<>()).add(micros(request.receivedAt()));
            }
        }
        StringBuilder perTask
                = new StringBuilder("operation,index,strategy,runMillis,delayMillis,polls,pollsMillisAfterDelete\n");
        Figures[][] figures = new Figures[OPERATIONS][2];
        double maxGap = 0;
        double minGap = Double.MAX_VALUE;
        double maxDelay = 0;
        double[] pollsAll = new double[2];
        int[] tasksAll = new int[2];
        List<Double>[] normP50All = newLists();
        List<Double>[] normP95All = newLists();
        for (int op = 0; op < OPERATIONS; op++) {
            for (int s = 0; s < 2; s++) {
                boolean adaptive = s == 0;
                List<Double> delays = new ArrayList<>();
                List<Double> normP50 = new ArrayList<>();
                List<Double> normP95 = new ArrayList<>();
                long polls = 0;
                int tasks = 0;
                for (Sent task : sent) {
                    if (task.operation != op || task.adaptive != adaptive) {
                        continue;
                    }
                    Long deleted = deleteMicros.get(task.include.includeId());
                    List<Long> times = pollMicros.getOrDefault(sessionOf.get(task.include.includeId()) + " " + task.taskId,
                            List.of());
                    if (deleted == null) {
                        throw new IllegalStateException("no DELETE in the log for " + task.include);
                    }
                    double delay = (task.completedMicros - deleted) / 1000.0 - task.runMillis;
                    delays.add(delay);
                    normP50.add(delay - 0.10 * task.runMillis);
                    normP95.add(delay - 0.25 * task.runMillis);
                    polls += times.size();
                    tasks++;
                    perTask.append(WORKLOAD.get(op).name()).append(',').append(task.index).append(',')
                            .append(adaptive ? "adaptive" : "backoff").append(',').append(task.runMillis).append(',')
                            .append(Math.round(delay)).append(',').append(times.size()).append(',')
                            .append(times.stream().sorted().map(at -> String.valueOf((at - deleted) / 1000))
                                    .collect(java.util.stream.Collectors.joining(" ")))
                            .append('\n');
                    if (adaptive) {
                        maxDelay = Math.max(maxDelay, delay);
                        List<Long> sorted = times.stream().sorted().toList();
                        for (int i = 1; i < sorted.size(); i++) {
                            double gap = (sorted.get(i) - sorted.get(i - 1)) / 1000.0;
                            maxGap = Math.max(maxGap, gap);
                            minGap = Math.min(minGap, gap);
                        }
                    }
                }
                figures[op][s] = Figures.of(delays, normP50, normP95, (double) polls / tasks);
                pollsAll[s] += polls;
                tasksAll[s] += tasks;
                normP50All[s].addAll(normP50);
                normP95All[s].addAll(normP95);
            }
        }
        writePerTask(perTask.toString());
        Result result = new Result(
                figures, pollsAll[0] / tasksAll[0], pollsAll[1] / tasksAll[1],
                Figures.of(normP50All[0].stream().map(x -> 0.0).toList(), normP50All[0], normP95All[0], 0),
                Figures.of(normP50All[1].stream().map(x -> 0.0).toList(), normP50All[1], normP95All[1], 0),
                minGap, maxGap, maxDelay, tasksAll[0]);
        report(result, console);
        return result;
    }

    /** Every task's figures, for a closer look: {@value #PER_TASK}. */
    private static void writePerTask(String csv) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(PER_TASK);
            java.nio.file.Files.createDirectories(path.getParent());
            java.nio.file.Files.writeString(path, csv);
        } catch (java.io.IOException e) {
            progress("adaptive: could not write " + PER_TASK + ": " + e);
        }
    }

    static final String PER_TASK = "target/bench/adaptive-tasks.csv";

    @SuppressWarnings("unchecked")
    private static List<Double>[] newLists() {
        return new List[] { new ArrayList<Double>(), new ArrayList<Double>() };
    }

    /** The figures per operation ([op][0] adaptive, [op][1] back-off) and over all operations. */
    record Result(Figures[][] figures, double adaptivePolls, double backoffPolls, Figures adaptiveAll,
            Figures backoffAll, double minGap, double maxGap, double maxDelay, int tasks) {

        /** The operations whose adaptive figures miss the bar. */
        List<String> missed() {
            List<String> missed = new ArrayList<>();
            for (int op = 0; op < figures.length; op++) {
                if (!figures[op][0].met()) {
                    missed.add(WORKLOAD.get(op).name());
                }
            }
            return missed;
        }
    }

    private void report(Result r, String console) {
        line.accept("## Adaptive polling against plain doubling");
        line.accept("");
        line.accept(OPERATIONS + " operations with log-normal run times, " + tasksPerOperation + " tasks each sent over "
                    + seconds + " s at a steady rate, each task sent twice: through `pollStrategy=adaptive` and through"
                    + " `pollStrategy=backoff` (both `pollInitialDelay` 200 ms, `pollMaxDelay` " + pollMaxDelay
                    + " ms), same run time, same connection, the order alternating, all in flight together. An"
                    + " operation is a simulator user of its own (so a connection of its own: the component learns per"
                    + " connection and operation). The adaptive side starts from nothing (plain back-off until "
                    + RunTimeEstimates.MIN_SAMPLES + " tasks of the operation have finished), and every task counts,"
                    + " the learning ones included. Delay = exchange completed − (DELETE received + run time); polls ="
                    + " `GET /api/tasks/{id}` in the simulator's log. The bar, per task: delay − 10 % of its run time"
                    + " (median ≤ 50 ms), delay − 25 % of its run time (p95 ≤ 100 ms). Every task's figures: `"
                    + PER_TASK + "`.");
        line.accept("");
        line.accept("| Operation (median run time, σ) | Tasks | Adaptive delay p50 / p95 ms | Back-off delay p50 / p95 ms"
                    + " | Adaptive polls per task | Back-off polls per task | Adaptive: p50 of delay − 10 % (≤ 50)"
                    + " | Adaptive: p95 of delay − 25 % (≤ 100) | Back-off: the same two |");
        line.accept("|---|---:|---|---|---:|---:|---:|---:|---|");
        for (int op = 0; op < OPERATIONS; op++) {
            Figures a = r.figures()[op][0];
            Figures b = r.figures()[op][1];
            line.accept("| " + WORKLOAD.get(op).name() + " (" + WORKLOAD.get(op).describe() + ") | " + a.tasks() + " | "
                        + num(a.delayP50()) + " / " + num(a.delayP95()) + " | " + num(b.delayP50()) + " / "
                        + num(b.delayP95()) + " | " + Stats.num(a.pollsPerTask(), 2) + " | "
                        + Stats.num(b.pollsPerTask(), 2) + " | " + num(a.normalizedP50()) + " | "
                        + num(a.normalizedP95()) + " | " + num(b.normalizedP50()) + " / " + num(b.normalizedP95())
                        + " |");
        }
        line.accept("| **all** | " + r.tasks() + " | | | **" + Stats.num(r.adaptivePolls(), 2) + "** | **"
                    + Stats.num(r.backoffPolls(), 2) + "** | " + num(r.adaptiveAll().normalizedP50()) + " | "
                    + num(r.adaptiveAll().normalizedP95()) + " | " + num(r.backoffAll().normalizedP50()) + " / "
                    + num(r.backoffAll().normalizedP95()) + " |");
        line.accept("");
        line.accept("Adaptive side, every task: gaps between two polls of one task as the simulator received them "
                    + Stats.num(r.minGap(), 1) + " to " + Stats.num(r.maxGap(), 1) + " ms (floor 100, cap "
                    + pollMaxDelay + "); largest completion delay " + Stats.num(r.maxDelay(), 1) + " ms.");
        line.accept("");
        line.accept("What the dev console showed at the end:");
        line.accept("");
        line.accept("```");
        line.accept(console.strip());
        line.accept("```");
        line.accept("");
    }

    private static String num(double value) {
        return Stats.num(value, Math.abs(value) >= 100 ? 0 : 1);
    }

    /** The dev console's text, as `camel dev-console veeam-em` would show it. */
    private record ConsoleText(CamelContext context) {
        String text() {
            VeeamEmDevConsole console = new VeeamEmDevConsole();
            console.setCamelContext(context);
            Object text = console.call(org.apache.camel.console.DevConsole.MediaType.TEXT);
            return String.valueOf(text);
        }
    }

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

    private static void headers(Exchange exchange, Include include) {
        exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, include.jobId());
        exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, include.includeId());
    }

    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }

    private static void progress(String text) {
        System.err.println("[bench " + java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "] "
                           + text);
    }
}
