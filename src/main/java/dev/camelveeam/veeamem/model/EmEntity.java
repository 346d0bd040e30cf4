package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * An EM resource with an identity ({@code EntityType}): a UID such as {@code urn:veeam:Job:<id>} and a name.
 */
public abstract class EmEntity extends EmResource {

    @JsonProperty("UID")
    @JacksonXmlProperty(isAttribute = true, localName = "UID")
    private String uid;
    @JsonProperty("Name")
    @JacksonXmlProperty(isAttribute = true, localName = "Name")
    private String name;

    /** The id part of the UID: {@code urn:veeam:Job:<id>} gives {@code <id>}. */
    public String getId() {
        return Uids.idOf(uid);
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
