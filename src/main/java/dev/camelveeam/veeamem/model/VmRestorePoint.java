package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A restore point of one VM, from which the VM can be restored ({@code restoreVm}).
 */
@JacksonXmlRootElement(localName = "VmRestorePoint")
public class VmRestorePoint extends EmEntity {

    @JsonProperty("CreationTimeUTC")
    private String creationTimeUtc;
    @JsonProperty("VmName")
    private String vmName;
    @JsonProperty("Algorithm")
    private String algorithm;
    @JsonProperty("PointType")
    private String pointType;
    @JsonProperty("HierarchyObjRef")
    private String hierarchyObjRef;
    @JsonProperty("VmDisplayName")
    @JacksonXmlProperty(isAttribute = true, localName = "VmDisplayName")
    private String vmDisplayName;

    /** The creation time as EM wrote it (UTC). */
    public String getCreationTimeUtc() {
        return creationTimeUtc;
    }

    public void setCreationTimeUtc(String creationTimeUtc) {
        this.creationTimeUtc = creationTimeUtc;
    }

    public String getVmName() {
        return vmName;
    }

    public void setVmName(String vmName) {
        this.vmName = vmName;
    }

    /** Full, Incremental, ReversedIncremental or SyntheticFull. */
    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    /** Full, Increment or ReverseIncrement. */
    public String getPointType() {
        return pointType;
    }

    public void setPointType(String pointType) {
        this.pointType = pointType;
    }

    /** The VM's hierarchy object reference. */
    public String getHierarchyObjRef() {
        return hierarchyObjRef;
    }

    public void setHierarchyObjRef(String hierarchyObjRef) {
        this.hierarchyObjRef = hierarchyObjRef;
    }

    /** The VM's name at backup time. */
    public String getVmDisplayName() {
        return vmDisplayName;
    }

    public void setVmDisplayName(String vmDisplayName) {
        this.vmDisplayName = vmDisplayName;
    }

    public Instant getCreationTime() {
        return Uids.instantOf(creationTimeUtc);
    }

    @Override
    public String toString() {
        return "VmRestorePoint[id=" + getId() + ", vmDisplayName=" + vmDisplayName + ", creationTime=" + creationTimeUtc
               + ", pointType=" + pointType + "]";
    }
}
