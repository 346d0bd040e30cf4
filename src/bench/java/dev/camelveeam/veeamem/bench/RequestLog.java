package dev.camelveeam.veeamem.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;

/**
 * Takes the simulator's request log away without losing a request: {@link EmSimulator#getRequests()} followed by
 * {@link EmSimulator#clearRequests()} drops whatever arrives in between, which under a load of thousands of polls per
 * second is not nothing. The harness runs in the simulator's process, so it reaches the log's queue (a
 * {@code ConcurrentLinkedQueue}) and polls it empty; if the field is not there (the simulator changed), it falls back
 * to get-then-clear and says so.
 */
final class RequestLog {

    private final EmSimulator sim;
    private final Queue<RecordedRequest> queue;

    @SuppressWarnings("unchecked")
    RequestLog(EmSimulator sim) {
        this.sim = sim;
        Queue<RecordedRequest> found = null;
        try {
            Field field = EmSimulator.class.getDeclaredField("requests");
            field.setAccessible(true);
            found = (Queue<RecordedRequest>) field.get(sim);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("[bench] the simulator's request queue is not reachable (" + e
                               + "); draining with getRequests + clearRequests, which can lose requests under load");
        }
        this.queue = found;
    }

    boolean lossless() {
        return queue != null;
    }

    /** Every request logged so far, removed from the log, in arrival order. */
    List<RecordedRequest> drain() {
        if (queue == null) {
            List<RecordedRequest> all = sim.getRequests();
            sim.clearRequests();
            return all;
        }
        List<RecordedRequest> drained = new ArrayList<>();
        RecordedRequest request;
        while ((request = queue.poll()) != null) {
            drained.add(request);
        }
        return drained;
    }
}
