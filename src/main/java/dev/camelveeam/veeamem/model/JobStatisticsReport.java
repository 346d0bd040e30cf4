package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The summary report's job statistics ({@code GET /reports/summary/job_statistics}); durations in seconds.
 */
@JacksonXmlRootElement(localName = "JobStatisticsReportFrame")
public class JobStatisticsReport extends EmResource {

    @JsonProperty("RunningJobs")
    private Integer runningJobs;
    @JsonProperty("ScheduledJobs")
    private Integer scheduledJobs;
    @JsonProperty("ScheduledBackupJobs")
    private Integer scheduledBackupJobs;
    @JsonProperty("ScheduledReplicaJobs")
    private Integer scheduledReplicaJobs;
    @JsonProperty("TotalJobRuns")
    private Integer totalJobRuns;
    @JsonProperty("SuccessfulJobRuns")
    private Integer successfulJobRuns;
    @JsonProperty("WarningsJobRuns")
    private Integer warningsJobRuns;
    @JsonProperty("FailedJobRuns")
    private Integer failedJobRuns;
    @JsonProperty("MaxJobDuration")
    private Long maxJobDuration;
    @JsonProperty("MaxBackupJobDuration")
    private Long maxBackupJobDuration;
    @JsonProperty("MaxReplicaJobDuration")
    private Long maxReplicaJobDuration;
    @JsonProperty("MaxDurationBackupJobName")
    private String maxDurationBackupJobName;
    @JsonProperty("MaxDurationReplicaJobName")
    private String maxDurationReplicaJobName;
    @JsonProperty("BackupJobStatusReportLink")
    private String backupJobStatusReportLink;

    public Integer getRunningJobs() {
        return runningJobs;
    }

    public void setRunningJobs(Integer runningJobs) {
        this.runningJobs = runningJobs;
    }

    public Integer getScheduledJobs() {
        return scheduledJobs;
    }

    public void setScheduledJobs(Integer scheduledJobs) {
        this.scheduledJobs = scheduledJobs;
    }

    public Integer getScheduledBackupJobs() {
        return scheduledBackupJobs;
    }

    public void setScheduledBackupJobs(Integer scheduledBackupJobs) {
        this.scheduledBackupJobs = scheduledBackupJobs;
    }

    public Integer getScheduledReplicaJobs() {
        return scheduledReplicaJobs;
    }

    public void setScheduledReplicaJobs(Integer scheduledReplicaJobs) {
        this.scheduledReplicaJobs = scheduledReplicaJobs;
    }

    public Integer getTotalJobRuns() {
        return totalJobRuns;
    }

    public void setTotalJobRuns(Integer totalJobRuns) {
        this.totalJobRuns = totalJobRuns;
    }

    public Integer getSuccessfulJobRuns() {
        return successfulJobRuns;
    }

    public void setSuccessfulJobRuns(Integer successfulJobRuns) {
        this.successfulJobRuns = successfulJobRuns;
    }

    public Integer getWarningsJobRuns() {
        return warningsJobRuns;
    }

    public void setWarningsJobRuns(Integer warningsJobRuns) {
        this.warningsJobRuns = warningsJobRuns;
    }

    public Integer getFailedJobRuns() {
        return failedJobRuns;
    }

    public void setFailedJobRuns(Integer failedJobRuns) {
        this.failedJobRuns = failedJobRuns;
    }

    /** Seconds. */
    public Long getMaxJobDuration() {
        return maxJobDuration;
    }

    public void setMaxJobDuration(Long maxJobDuration) {
        this.maxJobDuration = maxJobDuration;
    }

    /** Seconds. */
    public Long getMaxBackupJobDuration() {
        return maxBackupJobDuration;
    }

    public void setMaxBackupJobDuration(Long maxBackupJobDuration) {
        this.maxBackupJobDuration = maxBackupJobDuration;
    }

    /** Seconds. */
    public Long getMaxReplicaJobDuration() {
        return maxReplicaJobDuration;
    }

    public void setMaxReplicaJobDuration(Long maxReplicaJobDuration) {
        this.maxReplicaJobDuration = maxReplicaJobDuration;
    }

    /** Empty when none. */
    public String getMaxDurationBackupJobName() {
        return maxDurationBackupJobName;
    }

    public void setMaxDurationBackupJobName(String maxDurationBackupJobName) {
        this.maxDurationBackupJobName = maxDurationBackupJobName;
    }

    /** Empty when none. */
    public String getMaxDurationReplicaJobName() {
        return maxDurationReplicaJobName;
    }

    public void setMaxDurationReplicaJobName(String maxDurationReplicaJobName) {
        this.maxDurationReplicaJobName = maxDurationReplicaJobName;
    }

    /** A link relative to the EM web UI. */
    public String getBackupJobStatusReportLink() {
        return backupJobStatusReportLink;
    }

    public void setBackupJobStatusReportLink(String backupJobStatusReportLink) {
        this.backupJobStatusReportLink = backupJobStatusReportLink;
    }

    @Override
    public String toString() {
        return "JobStatisticsReport[" + "totalJobRuns=" + totalJobRuns + ", " + "successfulJobRuns=" + successfulJobRuns + ", "
               + "warningsJobRuns=" + warningsJobRuns + ", " + "failedJobRuns=" + failedJobRuns + ", " + "maxJobDuration="
               + maxJobDuration + "]";
    }
}
