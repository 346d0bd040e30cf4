package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * What one backup session did with one VM: its state, result and, when it failed or warned, the reason. {@code State}
 * is Pending, InProgress or Completed; {@code Result} is Success, Warning or Failed; the end time is null while the VM
 * is processed.
 */
@JacksonXmlRootElement(localName = "BackupTaskSession")
public class BackupTaskSession extends EmSessionResource {

    @JsonProperty("JobSessionUid")
    private String jobSessionUid;
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

    @Override
    public String toString() {
        return "BackupTaskSession[vm=" + vmDisplayName + ", state=" + getState() + ", result=" + getResult() + ", reason="
               + reason + "]";
    }
}
