package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every EM session has, a job's run ({@link EmJobSessionResource}) as well as one VM's part in it
 * ({@link BackupTaskSession}): when it was created and ended, its state and its result. The values of {@code State} and
 * {@code Result} depend on the kind of session; each subclass names them.
 */
public abstract class EmSessionResource extends EmEntity {

    @JsonProperty("CreationTimeUTC")
    private String creationTimeUtc;
    @JsonProperty("EndTimeUTC")
    private String endTimeUtc;
    @JsonProperty("State")
    private String state;
    @JsonProperty("Result")
    private String result;

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

    /** The session's state; the subclass names its values. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Success, Warning or Failed once the session ended; the subclass names its values. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }
}
