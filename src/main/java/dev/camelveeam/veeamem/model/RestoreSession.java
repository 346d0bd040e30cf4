package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A restore in EM: Starting, Working, then Stopped with its result (Success, Warning or Failed; None while it runs).
 */
@JacksonXmlRootElement(localName = "RestoreSession")
public class RestoreSession extends EmEntity {

    @JsonProperty("JobUid")
    private String jobUid;
    @JsonProperty("JobName")
    private String jobName;
    @JsonProperty("JobType")
    private String jobType;
    @JsonProperty("CreationTimeUTC")
    private String creationTimeUtc;
    @JsonProperty("EndTimeUTC")
    private String endTimeUtc;
    @JsonProperty("State")
    private String state;
    @JsonProperty("Result")
    private String result;
    @JsonProperty("Progress")
    private Integer progress;
    @JsonProperty("FailureMessage")
    private String failureMessage;
    @JsonProperty("RestoredObjRef")
    private String restoredObjRef;
    @JsonProperty("VmDisplayName")
    @JacksonXmlProperty(isAttribute = true, localName = "VmDisplayName")
    private String vmDisplayName;

    public String getJobUid() {
        return jobUid;
    }

    public void setJobUid(String jobUid) {
        this.jobUid = jobUid;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }

    /** RestoreVm for a full VM restore, FileLevelRestore... */
    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
    }

    public String getCreationTimeUtc() {
        return creationTimeUtc;
    }

    public void setCreationTimeUtc(String creationTimeUtc) {
        this.creationTimeUtc = creationTimeUtc;
    }

    /** Null while the restore runs. */
    public String getEndTimeUtc() {
        return endTimeUtc;
    }

    public void setEndTimeUtc(String endTimeUtc) {
        this.endTimeUtc = endTimeUtc;
    }

    /** Starting, Working, Stopping or Stopped. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Success, Warning or Failed once Stopped. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** 0 to 100. */
    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public String getFailureMessage() {
        return failureMessage;
    }

    public void setFailureMessage(String failureMessage) {
        this.failureMessage = failureMessage;
    }

    /** The restored VM's hierarchy object reference. */
    public String getRestoredObjRef() {
        return restoredObjRef;
    }

    public void setRestoredObjRef(String restoredObjRef) {
        this.restoredObjRef = restoredObjRef;
    }

    public String getVmDisplayName() {
        return vmDisplayName;
    }

    public void setVmDisplayName(String vmDisplayName) {
        this.vmDisplayName = vmDisplayName;
    }

    public Instant getCreationTime() {
        return Uids.instantOf(creationTimeUtc);
    }

    public Instant getEndTime() {
        return Uids.instantOf(endTimeUtc);
    }

    /** Whether the restore has ended (State Stopped). */
    public boolean isEnded() {
        return "Stopped".equalsIgnoreCase(state);
    }

    /** Whether the restore ended with Success or Warning. */
    public boolean isSucceeded() {
        return isEnded() && ("Success".equalsIgnoreCase(result) || "Warning".equalsIgnoreCase(result));
    }

    @Override
    public String toString() {
        return "RestoreSession[id=" + getId() + ", vm=" + vmDisplayName + ", state=" + state + ", result=" + result + "]";
    }
}
