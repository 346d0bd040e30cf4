package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of {@code POST /backupServers/{id}?action=quickbackup}: the one VM to back up, as a hierarchy object
 * reference.
 */
@JacksonXmlRootElement(localName = "QuickBackupStartupSpec")
public class QuickBackupStartupSpec {

    @JsonProperty("VmRef")
    private final String vmRef;

    public QuickBackupStartupSpec(String vmRef) {
        this.vmRef = vmRef;
    }

    public String getVmRef() {
        return vmRef;
    }
}
