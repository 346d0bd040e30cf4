package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run of a job in EM ({@code JobSessionEntityType}): a backup or replication job's run, or a restore. Adds to a
 * session the job it ran, its progress and, when it failed or warned, the message.
 */
public abstract class EmJobSessionResource extends EmSessionResource {

    @JsonProperty("JobUid")
    private String jobUid;
    @JsonProperty("JobName")
    private String jobName;
    @JsonProperty("JobType")
    private String jobType;
    @JsonProperty("Progress")
    private Integer progress;
    @JsonProperty("FailureMessage")
    private String failureMessage;

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

    /** Backup, Replica, RestoreVm for a full VM restore, FileLevelRestore... */
    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
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
}
