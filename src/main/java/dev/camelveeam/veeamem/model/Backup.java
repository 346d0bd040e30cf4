package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A backup: the restore points of one job in one repository. Its name is the job's name.
 */
@JacksonXmlRootElement(localName = "Backup")
public class Backup extends EmEntity {

    @JsonProperty("Platform")
    private String platform;
    @JsonProperty("BackupType")
    private String backupType;

    /** VMware, HyperV, vCloud... */
    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    /** Standard, ParentBackup or ChildBackup. */
    public String getBackupType() {
        return backupType;
    }

    public void setBackupType(String backupType) {
        this.backupType = backupType;
    }

    @Override
    public String toString() {
        return "Backup[id=" + getId() + ", name=" + getName() + ", platform=" + platform + "]";
    }
}
