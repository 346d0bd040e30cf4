package dev.camelveeam.veeamem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * An EM task: the resource EM answers with when it accepts an asynchronous operation ({@code 202 Accepted}).
 * Its {@link #getState() state} goes Running, OperationFinished, Finished; a Finished task carries its
 * {@link #getResult() result}.
 */
@JacksonXmlRootElement(localName = "Task")
public class Task {

    public static final String STATE_FINISHED = "Finished";

    @JsonProperty("TaskId")
    private String taskId;
    @JsonProperty("State")
    private String state;
    @JsonProperty("Operation")
    private String operation;
    @JsonProperty("Result")
    private TaskResult result;
    @JsonProperty("Links")
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    @JacksonXmlElementWrapper(localName = "Links")
    @JacksonXmlProperty(localName = "Link")
    private List<Link> links = new ArrayList<>();
    @JsonProperty("Href")
    @JacksonXmlProperty(isAttribute = true, localName = "Href")
    private String href;
    @JsonProperty("Type")
    @JacksonXmlProperty(isAttribute = true, localName = "Type")
    private String type;

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

    public List<Link> getLinks() {
        return links;
    }

    public void setLinks(List<Link> links) {
        this.links = links;
    }

    public String getHref() {
        return href;
    }

    public void setHref(String href) {
        this.href = href;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isFinished() {
        return STATE_FINISHED.equals(state);
    }

    /** Whether the task finished and EM reported it failed ({@code Result Success="false"}). */
    public boolean isFailed() {
        return isFinished() && result != null && !result.isSuccess();
    }

    /** The first link with the given relation, for example {@code Related} for the job a clone created. */
    public Optional<Link> findLink(String rel) {
        return links.stream().filter(link -> rel.equals(link.getRel())).findFirst();
    }

    @Override
    public String toString() {
        return "Task[taskId=" + taskId + ", state=" + state + ", operation=" + operation + ", result=" + result + "]";
    }
}
