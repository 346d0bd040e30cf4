package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A restore in EM: Starting, Working, then Stopped with its result (Success, Warning or Failed; None while it runs).
 * {@code State} is Starting, Working, Stopping or Stopped; {@code JobType} is RestoreVm for a full VM restore,
 * FileLevelRestore...; the end time is null while the restore runs.
 */
@JacksonXmlRootElement(localName = "RestoreSession")
public class RestoreSession extends EmJobSessionResource {

    @JsonProperty("RestoredObjRef")
    private String restoredObjRef;
    @JsonProperty("VmDisplayName")
    @JacksonXmlProperty(isAttribute = true, localName = "VmDisplayName")
    private String vmDisplayName;

    /** The restored VM's hierarchy object reference. */
    public String getRestoredObjRef() {
        return restoredObjRef;
    }

    public void setRestoredObjRef(String restoredObjRef) {
        this.restoredObjRef = restoredObjRef;
    }

    public String getVmDisplayName() {
        return vmDisplayName;
    }

    public void setVmDisplayName(String vmDisplayName) {
        this.vmDisplayName = vmDisplayName;
    }

    /** Whether the restore has ended (State Stopped). */
    public boolean isEnded() {
        return "Stopped".equalsIgnoreCase(getState());
    }

    /** Whether the restore ended with Success or Warning. */
    public boolean isSucceeded() {
        String result = getResult();
        return isEnded() && ("Success".equalsIgnoreCase(result) || "Warning".equalsIgnoreCase(result));
    }

    @Override
    public String toString() {
        return "RestoreSession[id=" + getId() + ", vm=" + vmDisplayName + ", state=" + getState() + ", result=" + getResult()
               + "]";
    }
}
