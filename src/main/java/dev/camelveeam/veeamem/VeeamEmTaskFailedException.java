package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.model.Task;

/**
 * An EM task finished with {@code Result Success="false"}.
 */
public class VeeamEmTaskFailedException extends VeeamEmException {

    private final transient Task task;

    public VeeamEmTaskFailedException(Task task) {
        super("EM task " + task.getTaskId() + " (" + task.getOperation() + ") failed: "
              + (task.getResult() == null ? "no result message" : task.getResult().getMessage()));
        this.task = task;
    }

    public Task getTask() {
        return task;
    }
}
