package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * One run of a backup job: its state while it runs, and its result once it stopped. {@code State} is Starting,
 * Stopping, Working, Pausing, Resuming or Stopped; {@code Result} is Success, Warning or Failed once Stopped, None
 * while running.
 */
@JacksonXmlRootElement(localName = "BackupJobSession")
public class BackupJobSession extends EmJobSessionResource {

    @JsonProperty("IsRetry")
    private Boolean retry;

    /** The id of the job this session ran, taken from the job's UID. */
    public String getJobId() {
        return Uids.idOf(getJobUid());
    }

    public Boolean getRetry() {
        return retry;
    }

    public void setRetry(Boolean retry) {
        this.retry = retry;
    }

    @Override
    public String toString() {
        return "BackupJobSession[id=" + getId() + ", jobName=" + getJobName() + ", state=" + getState() + ", result="
               + getResult() + ", endTime=" + getEndTimeUtc() + "]";
    }
}
