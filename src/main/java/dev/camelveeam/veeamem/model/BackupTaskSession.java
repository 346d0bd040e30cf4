package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * What one backup session did with one VM: its state, result and, when it failed or warned, the reason.
 */
@JacksonXmlRootElement(localName = "BackupTaskSession")
public class BackupTaskSession extends EmEntity {

    @JsonProperty("JobSessionUid")
    private String jobSessionUid;
    @JsonProperty("CreationTimeUTC")
    private String creationTimeUtc;
    @JsonProperty("EndTimeUTC")
    private String endTimeUtc;
    @JsonProperty("State")
    private String state;
    @JsonProperty("Result")
    private String result;
    @JsonProperty("Reason")
    private String reason;
    @JsonProperty("TotalSize")
    private Long totalSize;
    @JsonProperty("VmUid")
    private String vmUid;
    @JsonProperty("VmDisplayName")
    @JacksonXmlProperty(isAttribute = true, localName = "VmDisplayName")
    private String vmDisplayName;

    /** The backup session's UID. */
    public String getJobSessionUid() {
        return jobSessionUid;
    }

    public void setJobSessionUid(String jobSessionUid) {
        this.jobSessionUid = jobSessionUid;
    }

    public String getCreationTimeUtc() {
        return creationTimeUtc;
    }

    public void setCreationTimeUtc(String creationTimeUtc) {
        this.creationTimeUtc = creationTimeUtc;
    }

    /** Null while the VM is processed. */
    public String getEndTimeUtc() {
        return endTimeUtc;
    }

    public void setEndTimeUtc(String endTimeUtc) {
        this.endTimeUtc = endTimeUtc;
    }

    /** Pending, InProgress or Completed. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** Success, Warning or Failed. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** Why the VM failed or warned; empty otherwise. */
    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** Bytes. */
    public Long getTotalSize() {
        return totalSize;
    }

    public void setTotalSize(Long totalSize) {
        this.totalSize = totalSize;
    }

    /** The VM's hierarchy object reference (EM 12 and later). */
    public String getVmUid() {
        return vmUid;
    }

    public void setVmUid(String vmUid) {
        this.vmUid = vmUid;
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

    @Override
    public String toString() {
        return "BackupTaskSession[vm=" + vmDisplayName + ", state=" + state + ", result=" + result + ", reason=" + reason + "]";
    }
}
