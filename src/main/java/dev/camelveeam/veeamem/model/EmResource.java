package dev.camelveeam.veeamem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * What every EM resource has ({@code ResourceType}): its address, its type and its links.
 */
public abstract class EmResource {

    @JsonProperty("Links")
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    @JacksonXmlElementWrapper(localName = "Links")
    @JacksonXmlProperty(localName = "Link")
    private List<Link> links = new ArrayList<>();
    @JsonProperty("Href")
    @JacksonXmlProperty(isAttribute = true, localName = "Href")
    private String href;
    @JsonProperty("Type")
    @JacksonXmlProperty(isAttribute = true, localName = "Type")
    private String type;

    public List<Link> getLinks() {
        return links;
    }

    public void setLinks(List<Link> links) {
        this.links = links;
    }

    /** The first link with the given relation, for example {@code Related} for the job a clone created. */
    public Optional<Link> findLink(String rel) {
        return links.stream().filter(link -> rel.equals(link.getRel())).findFirst();
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
}
