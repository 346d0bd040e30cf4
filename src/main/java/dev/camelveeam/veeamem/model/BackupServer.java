package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A Veeam Backup &amp; Replication server managed by EM.
 */
@JacksonXmlRootElement(localName = "BackupServer")
public class BackupServer extends EmEntity {

    @JsonProperty("Description")
    private String description;
    @JsonProperty("Port")
    private Integer port;
    @JsonProperty("Version")
    private String version;
    @JsonProperty("WcfPort")
    private Integer wcfPort;
    @JsonProperty("VbrCertificateThumbprint")
    private String vbrCertificateThumbprint;

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** The product version, for example 12.3.2.4465. */
    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** EM 12 and later. */
    public Integer getWcfPort() {
        return wcfPort;
    }

    public void setWcfPort(Integer wcfPort) {
        this.wcfPort = wcfPort;
    }

    /** EM 12 and later. */
    public String getVbrCertificateThumbprint() {
        return vbrCertificateThumbprint;
    }

    public void setVbrCertificateThumbprint(String vbrCertificateThumbprint) {
        this.vbrCertificateThumbprint = vbrCertificateThumbprint;
    }

    @Override
    public String toString() {
        return "BackupServer[id=" + getId() + ", name=" + getName() + ", version=" + version + "]";
    }
}
