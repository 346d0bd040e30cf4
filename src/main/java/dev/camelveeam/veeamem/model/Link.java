package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A link of an EM resource: its relation to the resource ({@code Rel}), target and type.
 */
public class Link {

    @JsonProperty("Rel")
    @JacksonXmlProperty(isAttribute = true, localName = "Rel")
    private String rel;
    @JsonProperty("Href")
    @JacksonXmlProperty(isAttribute = true, localName = "Href")
    private String href;
    @JsonProperty("Type")
    @JacksonXmlProperty(isAttribute = true, localName = "Type")
    private String type;
    @JsonProperty("Name")
    @JacksonXmlProperty(isAttribute = true, localName = "Name")
    private String name;

    public String getRel() {
        return rel;
    }

    public void setRel(String rel) {
        this.rel = rel;
    }

    public String getHref() {
        return href;
    }

    public void setHref(String href) {
        this.href = href;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Link[rel=" + rel + ", type=" + type + ", name=" + name + ", href=" + href + "]";
    }
}
