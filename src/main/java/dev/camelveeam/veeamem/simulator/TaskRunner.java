package dev.camelveeam.veeamem.simulator;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** Creates tasks in the caller's session and drives them through their states on the simulator's scheduler. */
final class TaskRunner {

    private final ScheduledExecutorService scheduler;
    private final SimConfig config;

    TaskRunner(ScheduledExecutorService scheduler, SimConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    /** @param change applied when the task finishes; its result becomes the task's final {@code Result} */
    SimTask start(SimSession session, String operation, Supplier<SimTask.Result> change) {
        SimTask task = new SimTask(session.nextTaskNumber(), operation, change);
        task.schedule(scheduler, config.taskRunTime, config.taskCollectTime);
        session.addTask(task); // only once scheduled, so a DELETE of the task always finds something to cancel
        return task;
    }
}
