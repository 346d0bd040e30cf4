package dev.camelveeam.veeamem.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A backup, backup copy or replica job as EM describes it ({@code format=Entity}).
 */
@JacksonXmlRootElement(localName = "Job")
public class Job extends EmEntity {

    @JsonProperty("JobType")
    private String jobType;
    @JsonProperty("Platform")
    private String platform;
    @JsonProperty("Description")
    private String description;
    @JsonProperty("ScheduleConfigured")
    private Boolean scheduleConfigured;
    @JsonProperty("ScheduleEnabled")
    private Boolean scheduleEnabled;
    @JsonProperty("NextRun")
    private String nextRun;
    @JsonProperty("JobInfo")
    private JobInfo jobInfo;

    /** Backup, BackupCopy, ImmediateBackupCopy or Replica. */
    public String getJobType() {
        return jobType;
    }

    public void setJobType(String jobType) {
        this.jobType = jobType;
    }

    /** VMware, HyperV, vCloud or CustomPlatform. */
    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getScheduleConfigured() {
        return scheduleConfigured;
    }

    public void setScheduleConfigured(Boolean scheduleConfigured) {
        this.scheduleConfigured = scheduleConfigured;
    }

    public Boolean getScheduleEnabled() {
        return scheduleEnabled;
    }

    public void setScheduleEnabled(Boolean scheduleEnabled) {
        this.scheduleEnabled = scheduleEnabled;
    }

    /** The next scheduled run as EM wrote it. */
    public String getNextRun() {
        return nextRun;
    }

    public void setNextRun(String nextRun) {
        this.nextRun = nextRun;
    }

    public Instant getNextRunTime() {
        return Uids.instantOf(nextRun);
    }

    public JobInfo getJobInfo() {
        return jobInfo;
    }

    public void setJobInfo(JobInfo jobInfo) {
        this.jobInfo = jobInfo;
    }

    /** The objects a backup job processes; empty for other job kinds. */
    public List<ObjectInJob> getIncludes() {
        if (jobInfo == null || jobInfo.getBackupJobInfo() == null || jobInfo.getBackupJobInfo().getIncludes() == null) {
            return List.of();
        }
        return jobInfo.getBackupJobInfo().getIncludes().getItems();
    }

    @Override
    public String toString() {
        return "Job[id=" + getId() + ", name=" + getName() + ", jobType=" + jobType + ", scheduleEnabled="
               + scheduleEnabled + "]";
    }

    /** The kind-specific part of a job. */
    public static class JobInfo {

        @JsonProperty("BackupJobInfo")
        private BackupJobInfo backupJobInfo;

        public BackupJobInfo getBackupJobInfo() {
            return backupJobInfo;
        }

        public void setBackupJobInfo(BackupJobInfo backupJobInfo) {
            this.backupJobInfo = backupJobInfo;
        }
    }

    /** The part of a backup job that lists what it processes. */
    public static class BackupJobInfo {

        @JsonProperty("Includes")
        private EmList<ObjectInJob> includes;

        public EmList<ObjectInJob> getIncludes() {
            return includes;
        }

        public void setIncludes(EmList<ObjectInJob> includes) {
            this.includes = includes;
        }
    }
}
