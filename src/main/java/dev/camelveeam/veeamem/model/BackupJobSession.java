package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * One run of a backup job: its state while it runs, and its result once it stopped.
 */
@JacksonXmlRootElement(localName = "BackupJobSession")
public class BackupJobSession extends EmEntity {

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
    @JsonProperty("IsRetry")
    private Boolean retry;

    /** The id of the job this session ran, taken from the job's UID. */
    public String getJobId() {
        return Uids.idOf(jobUid);
    }

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

    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
    }

    /** The creation time as EM wrote it (UTC). */
    public String getCreationTimeUtc() {
        return creationTimeUtc;
    }

    public void setCreationTimeUtc(String creationTimeUtc) {
        this.creationTimeUtc = creationTimeUtc;
    }

    public Instant getCreationTime() {
        return Uids.instantOf(creationTimeUtc);
    }

    /** The end time as EM wrote it (UTC); null while the session runs. */
    public String getEndTimeUtc() {
        return endTimeUtc;
    }

    public void setEndTimeUtc(String endTimeUtc) {
        this.endTimeUtc = endTimeUtc;
    }

    public Instant getEndTime() {
        return Uids.instantOf(endTimeUtc);
    }

    /** Starting, Stopping, Working, Pausing, Resuming or Stopped. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Success, Warning or Failed once Stopped; None while running. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

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

    public Boolean getRetry() {
        return retry;
    }

    public void setRetry(Boolean retry) {
        this.retry = retry;
    }

    @Override
    public String toString() {
        return "BackupJobSession[id=" + getId() + ", jobName=" + jobName + ", state=" + state + ", result=" + result
               + ", endTime=" + endTimeUtc + "]";
    }
}
