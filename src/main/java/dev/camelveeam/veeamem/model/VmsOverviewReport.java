package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The summary report's VMs overview ({@code GET /reports/summary/vms_overview}); sizes in bytes.
 */
@JacksonXmlRootElement(localName = "VmsOverviewReportFrame")
public class VmsOverviewReport extends EmResource {

    @JsonProperty("ProtectedVms")
    private Integer protectedVms;
    @JsonProperty("BackedUpVms")
    private Integer backedUpVms;
    @JsonProperty("ReplicatedVms")
    private Integer replicatedVms;
    @JsonProperty("RestorePoints")
    private Integer restorePoints;
    @JsonProperty("FullBackupPointsSize")
    private Long fullBackupPointsSize;
    @JsonProperty("IncrementalBackupPointsSize")
    private Long incrementalBackupPointsSize;
    @JsonProperty("ReplicaRestorePointsSize")
    private Long replicaRestorePointsSize;
    @JsonProperty("SourceVmsSize")
    private Long sourceVmsSize;
    @JsonProperty("SuccessBackupPercents")
    private Integer successBackupPercents;
    @JsonProperty("ProtectedVmsReportLink")
    private String protectedVmsReportLink;

    public Integer getProtectedVms() {
        return protectedVms;
    }

    public void setProtectedVms(Integer protectedVms) {
        this.protectedVms = protectedVms;
    }

    public Integer getBackedUpVms() {
        return backedUpVms;
    }

    public void setBackedUpVms(Integer backedUpVms) {
        this.backedUpVms = backedUpVms;
    }

    public Integer getReplicatedVms() {
        return replicatedVms;
    }

    public void setReplicatedVms(Integer replicatedVms) {
        this.replicatedVms = replicatedVms;
    }

    public Integer getRestorePoints() {
        return restorePoints;
    }

    public void setRestorePoints(Integer restorePoints) {
        this.restorePoints = restorePoints;
    }

    /** Bytes. */
    public Long getFullBackupPointsSize() {
        return fullBackupPointsSize;
    }

    public void setFullBackupPointsSize(Long fullBackupPointsSize) {
        this.fullBackupPointsSize = fullBackupPointsSize;
    }

    /** Bytes. */
    public Long getIncrementalBackupPointsSize() {
        return incrementalBackupPointsSize;
    }

    public void setIncrementalBackupPointsSize(Long incrementalBackupPointsSize) {
        this.incrementalBackupPointsSize = incrementalBackupPointsSize;
    }

    /** Bytes. */
    public Long getReplicaRestorePointsSize() {
        return replicaRestorePointsSize;
    }

    public void setReplicaRestorePointsSize(Long replicaRestorePointsSize) {
        this.replicaRestorePointsSize = replicaRestorePointsSize;
    }

    /** Bytes. */
    public Long getSourceVmsSize() {
        return sourceVmsSize;
    }

    public void setSourceVmsSize(Long sourceVmsSize) {
        this.sourceVmsSize = sourceVmsSize;
    }

    /** Percent of backup sessions that succeeded. */
    public Integer getSuccessBackupPercents() {
        return successBackupPercents;
    }

    public void setSuccessBackupPercents(Integer successBackupPercents) {
        this.successBackupPercents = successBackupPercents;
    }

    /** A link relative to the EM web UI. */
    public String getProtectedVmsReportLink() {
        return protectedVmsReportLink;
    }

    public void setProtectedVmsReportLink(String protectedVmsReportLink) {
        this.protectedVmsReportLink = protectedVmsReportLink;
    }

    @Override
    public String toString() {
        return "VmsOverviewReport[" + "protectedVms=" + protectedVms + ", " + "backedUpVms=" + backedUpVms + ", "
               + "restorePoints=" + restorePoints + ", " + "successBackupPercents=" + successBackupPercents + "]";
    }
}
