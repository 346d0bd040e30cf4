package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of {@code POST /jobs/{id}/includes}: the hierarchy object to add to a job.
 */
@JacksonXmlRootElement(localName = "CreateObjectInJobSpec")
@JsonPropertyOrder({ "HierarchyObjRef", "HierarchyObjName" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CreateObjectInJobSpec {

    @JsonProperty("HierarchyObjRef")
    private final String hierarchyObjRef;
    @JsonProperty("HierarchyObjName")
    private final String hierarchyObjName;

    public CreateObjectInJobSpec(String hierarchyObjRef, String hierarchyObjName) {
        this.hierarchyObjRef = hierarchyObjRef;
        this.hierarchyObjName = hierarchyObjName;
    }

    public String getHierarchyObjRef() {
        return hierarchyObjRef;
    }

    public String getHierarchyObjName() {
        return hierarchyObjName;
    }
}
