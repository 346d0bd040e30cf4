package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * An EM task: the resource EM answers with when it accepts an asynchronous operation ({@code 202 Accepted}). Its
 * {@link #getState() state} goes Running, OperationFinished, Finished; a Finished task carries its {@link #getResult()
 * result}.
 */
@JacksonXmlRootElement(localName = "Task")
public class Task extends EmResource {

    public static final String STATE_FINISHED = "Finished";

    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("State")
    private String state;
    @JsonProperty("Operation")
    private String operation;
    @JsonProperty("Result")
    private TaskResult result;

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public TaskResult getResult() {
        return result;
    }

    public void setResult(TaskResult result) {
        this.result = result;
    }

    public boolean isFinished() {
        return STATE_FINISHED.equals(state);
    }

    /** Whether the task finished and EM reported it failed ({@code Result Success="false"}). */
    public boolean isFailed() {
        return isFinished() && result != null && !result.isSuccess();
    }

    @Override
    public String toString() {
        return "Task[taskId=" + taskId + ", state=" + state + ", operation=" + operation + ", result=" + result + "]";
    }
}
