package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A backup repository of a backup server: its capacity and free space, in bytes (-1 when EM does not know them, as for
 * object storage).
 */
@JacksonXmlRootElement(localName = "Repository")
public class Repository extends EmEntity {

    @JsonProperty("Capacity")
    private Long capacity;
    @JsonProperty("FreeSpace")
    private Long freeSpace;
    @JsonProperty("Kind")
    private String kind;

    /** The capacity in bytes; -1 when unknown. */
    public Long getCapacity() {
        return capacity;
    }

    public void setCapacity(Long capacity) {
        this.capacity = capacity;
    }

    /** The free space in bytes; -1 when unknown. */
    public Long getFreeSpace() {
        return freeSpace;
    }

    public void setFreeSpace(Long freeSpace) {
        this.freeSpace = freeSpace;
    }

    /** WindowsLocal, LinuxLocal, CifsShare, DDBoost, Extendable (scale-out)... (EM 10 and later). */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    @Override
    public String toString() {
        return "Repository[id=" + getId() + ", name=" + getName() + ", kind=" + kind + ", capacity=" + capacity + ", freeSpace="
               + freeSpace + "]";
    }
}
