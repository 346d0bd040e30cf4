package dev.camelveeam.veeamem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Live threads (by owner, from their names), heap after a forced GC, and CPU time of the process and the simulator. */
final class ProcessProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS
            = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessProbe() {
    }

    /** One live thread. */
    record LiveThread(long id, String name) {

        String owner() {
            return ownerOf(name);
        }
    }

    /**
     * Who a thread belongs to, by name: the component ({@code VeeamEmScheduler}, its poll and timeout scheduler;
     * {@code VeeamEmIO*}, HttpClient's I/O reactor threads; {@code VeeamEmRouteWork}, the pool exchanges continue on;
     * and the old {@code VeeamEmTaskPoller} pool, all possibly inside Camel's thread name), the minimal clients
     * ({@code bench-minimal-*}), the simulator ({@code em-simulator-*} and the JDK HTTP server's
     * {@code HTTP-Dispatcher} and {@code server-timer}), the harness ({@code bench-*}), other Camel threads,
     * HttpClient, the JVM and the rest.
     */
    static String ownerOf(String name) {
        if (isComponent(name)) {
            return "component";
        }
        if (name.startsWith("bench-minimal-")) {
            return "minimal client";
        }
        if (name.startsWith("em-simulator") || name.equals("HTTP-Dispatcher") || name.startsWith("server-timer")
                || name.startsWith("idle-timeout-task")) {
            return "simulator";
        }
        if (name.startsWith("bench-") || name.equals("main")) {
            return "harness";
        }
        if (name.startsWith("Camel")) {
            return "camel (other)";
        }
        if (name.toLowerCase().contains("httpclient") || name.contains("connection-evictor")) {
            return "httpclient";
        }
        return "jvm/other";
    }

    static boolean isComponent(String name) {
        return name.contains("VeeamEmScheduler") || name.contains("VeeamEmIO") || name.contains("VeeamEmRouteWork")
                || name.contains("VeeamEmTaskPoller");
    }

    static List<LiveThread> liveThreads() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0))
                .filter(Objects::nonNull)
                .map(info -> new LiveThread(info.getThreadId(), info.getThreadName()))
                .toList();
    }

    /** Thread counts by owner, in a fixed order. */
    static Map<String, Integer> countByOwner(List<LiveThread> threads) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String owner : List.of("component", "httpclient", "camel (other)", "minimal client", "simulator", "harness",
                "jvm/other")) {
            counts.put(owner, 0);
        }
        threads.forEach(t -> counts.merge(t.owner(), 1, Integer::sum));
        return counts;
    }

    /** The threads of {@code now} that {@code before} did not have, their names with digits folded, counted. */
    static Map<String, Integer> added(List<LiveThread> before, List<LiveThread> now) {
        var beforeIds = before.stream().map(LiveThread::id).collect(Collectors.toSet());
        Map<String, Integer> added = new TreeMap<>();
        now.stream().filter(t -> !beforeIds.contains(t.id()))
                .forEach(t -> added.merge("[" + t.owner() + "] " + t.name().replaceAll("\\d+", "#"), 1, Integer::sum));
        return added;
    }

    static void resetPeakThreadCount() {
        THREADS.resetPeakThreadCount();
    }

    static int peakThreadCount() {
        return THREADS.getPeakThreadCount();
    }

    /**
     * Used heap right after forced full collections (read as soon as System.gc() returns, so that little is allocated
     * in between): the lowest of a few readings.
     */
    static long usedHeapAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
            Thread.sleep(50);
        }
        return lowest;
    }

    /** Live objects after a full GC, by class, and their total. */
    record Histogram(Map<String, long[]> byClass, long totalBytes) {
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU time consumed so far by the simulator's threads (its HTTP workers, dispatcher and task scheduler). */
    static long simulatorCpuNanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (info != null && "simulator".equals(ownerOf(info.getThreadName()))) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** CPU time and allocated bytes of some threads, summed. */
    record ThreadCost(long cpuNanos, long userNanos, long allocatedBytes) {

        ThreadCost minus(ThreadCost earlier) {
            return new ThreadCost(
                    cpuNanos - earlier.cpuNanos, userNanos - earlier.userNanos,
                    allocatedBytes - earlier.allocatedBytes);
        }
    }

    /**
     * What the client side of an operation costs, without the JVM's JIT and GC threads and without the simulator: the
     * calling threads (the harness's {@code main} or {@code bench-load-*}), the component's threads and the minimal
     * clients' threads (the async one's I/O reactor and scheduler).
     */
    static ThreadCost clientThreadCost() {
        long cpu = 0;
        long user = 0;
        long allocated = 0;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.equals("main") || name.startsWith("bench-load-") || name.startsWith("bench-minimal-")
                    || isComponent(name) || "httpclient".equals(ownerOf(name))) {
                cpu += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
                user += Math.max(0, THREADS.getThreadUserTime(info.getThreadId()));
                allocated += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return new ThreadCost(cpu, user, allocated);
    }

    /**
     * Live objects by class ({@code GC.class_histogram}, which runs a full GC and walks the heap at a safepoint): class
     * name -> {instances, bytes}, and the total, which is the exact live heap.
     */
    static Histogram classHistogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { null }, new String[] { String[].class.getName() });
        Map<String, long[]> histogram = new java.util.HashMap<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");
        java.util.regex.Pattern total = java.util.regex.Pattern.compile("Total\\s+(\\d+)\\s+(\\d+).*");
        long totalBytes = -1;
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.matches()) {
                histogram.put(m.group(3), new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) });
            }
            java.util.regex.Matcher t = total.matcher(line.trim());
            if (t.matches()) {
                totalBytes = Long.parseLong(t.group(2));
            }
        }
        return new Histogram(histogram, totalBytes);
    }

    static long totalPhysicalMemory() {
        return OS.getTotalMemorySize();
    }
}
