package dev.camelveeam.veeamem.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A restore point of a backup: one run of its job, with a VM restore point per VM it processed.
 */
@JacksonXmlRootElement(localName = "RestorePoint")
public class RestorePoint extends EmEntity {

    @JsonProperty("BackupDateUTC")
    private String backupDateUtc;

    /** The backup time as EM wrote it (UTC). */
    public String getBackupDateUtc() {
        return backupDateUtc;
    }

    public void setBackupDateUtc(String backupDateUtc) {
        this.backupDateUtc = backupDateUtc;
    }

    public Instant getBackupDate() {
        return Uids.instantOf(backupDateUtc);
    }

    @Override
    public String toString() {
        return "RestorePoint[id=" + getId() + ", name=" + getName() + ", backupDate=" + backupDateUtc + "]";
    }
}
