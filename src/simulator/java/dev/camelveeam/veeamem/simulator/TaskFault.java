package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** What goes wrong with one task; queue it with {@link SimFaults#nextTask(TaskFault)}. */
public final class TaskFault {

    static final TaskFault NONE = new TaskFault(null, null, false, "none");

    private final Duration runTime;
    private final String failure;
    private final boolean vanishes;
    private final String description;

    private TaskFault(Duration runTime, String failure, boolean vanishes, String description) {
        this.runTime = runTime;
        this.failure = failure;
        this.vanishes = vanishes;
        this.description = description;
    }

    /** The task stays {@code Running} this long, whatever {@code withTaskRunTime} says; then it goes on as usual. */
    public static TaskFault runFor(Duration runTime) {
        if (Objects.requireNonNull(runTime, "runTime").isNegative()) {
            throw new IllegalArgumentException("runTime must not be negative: " + runTime);
        }
        return new TaskFault(runTime, null, false, "runFor " + runTime);
    }

    /** The task runs as usual but finishes {@code Success="false"} with this message; its change is never applied. */
    public static TaskFault fail(String message) {
        return new TaskFault(null, Objects.requireNonNull(message, "message"), false, "fail \"" + message + "\"");
    }

    /**
     * The task is lost from its session at once: {@code GET}/{@code DELETE /api/tasks/{id}} answer {@code 500} "There
     * is no backup task with id [task-N] in current rest session" and {@code GET /api/tasks} leaves it out, as EM does
     * when the task's session is gone. Like such a task, it still runs and applies its change when it finishes.
     */
    public static TaskFault vanish() {
        return new TaskFault(null, null, true, "vanish");
    }

    Duration runTime(Duration configured) {
        return runTime == null ? configured : runTime;
    }

    Supplier<SimTask.Result> change(Supplier<SimTask.Result> change) {
        return failure == null ? change : () -> new SimTask.Result(false, failure);
    }

    boolean vanishes() {
        return vanishes;
    }

    @Override
    public String toString() {
        return "TaskFault[" + description + "]";
    }
}
