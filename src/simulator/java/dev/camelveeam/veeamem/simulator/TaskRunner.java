package dev.camelveeam.veeamem.simulator;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Creates tasks in the caller's session, shaped by the next {@link TaskFault} if one is queued, and drives them through
 * their states on the simulator's scheduler.
 */
final class TaskRunner {

    private final ScheduledExecutorService scheduler;
    private final SimConfig config;
    private final SimFaults faults;

    TaskRunner(ScheduledExecutorService scheduler, SimConfig config, SimFaults faults) {
        this.scheduler = scheduler;
        this.config = config;
        this.faults = faults;
    }

    /** @param change applied when the task finishes; its result becomes the task's final {@code Result} */
    SimTask start(SimSession session, String operation, Supplier<SimTask.Result> change) {
        TaskFault fault = faults.takeTaskFault();
        SimTask task = new SimTask(session.nextTaskNumber(), operation, fault.change(change));
        task.schedule(scheduler, fault.runTime(config.taskRunTime), config.taskCollectTime);
        if (!fault.vanishes()) {
            session.addTask(task); // only once scheduled, so a DELETE of the task always finds something to cancel
        }
        return task;
    }
}
