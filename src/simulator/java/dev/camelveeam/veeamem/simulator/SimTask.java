package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An EM async task: {@code Running} for the run time, then {@code OperationFinished} for the collect time (skipped when
 * it is zero), then {@code Finished}. The task's change is applied, and its final result decided, on entering
 * {@code Finished}.
 */
final class SimTask {

    /** Constant names are the wire values of {@code Task/State}. */
    enum State {
        Running,
        OperationFinished,
        Finished
    }

    /**
     * @param related links to what the task produced ({@code Link Rel="Related"}), e.g. a cloned job
     */
    record Result(boolean success, String message, List<Related> related) {

        Result(boolean success, String message) {
            this(success, message, List.of());
        }
    }

    /** @param path below the API root, e.g. {@code /jobs/<guid>?format=Entity} */
    record Related(String type, String path, String name) {
    }

    /** State and result change together; readers get one consistent snapshot. */
    record Status(State state, Result result) {
    }

    private static final Result OPERATION_FINISHED = new Result(true, "OperationFinished");

    private final int number;
    private final String operation;
    private final Supplier<Result> change;
    private Status status = new Status(State.Running, null);
    private ScheduledFuture<?> pendingTransition;
    private boolean cancelled;

    SimTask(int number, String operation, Supplier<Result> change) {
        this.number = number;
        this.operation = operation;
        this.change = change;
    }

    String id() {
        return "task-" + number;
    }

    int number() {
        return number;
    }

    String operation() {
        return operation;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void schedule(ScheduledExecutorService scheduler, Duration runTime, Duration collectTime) {
        pendingTransition
                = scheduler.schedule(() -> endOperation(scheduler, collectTime), runTime.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the task where it is: no further transition, the change is never applied. */
    synchronized void cancel() {
        cancelled = true;
        pendingTransition.cancel(false);
    }

    private synchronized void endOperation(ScheduledExecutorService scheduler, Duration collectTime) {
        if (cancelled) {
            return;
        }
        if (collectTime.isZero()) {
            finish();
            return;
        }
        status = new Status(State.OperationFinished, OPERATION_FINISHED);
        pendingTransition = scheduler.schedule(this::finish, collectTime.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void finish() {
        if (!cancelled) {
            status = new Status(State.Finished, change.get());
        }
    }
}
