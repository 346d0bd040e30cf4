package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A VM or VM container processed by a job (an include).
 */
@JacksonXmlRootElement(localName = "ObjectInJob")
public class ObjectInJob extends EmResource {

    @JsonProperty("ObjectInJobId")
    private String objectInJobId;
    @JsonProperty("HierarchyObjRef")
    private String hierarchyObjRef;
    @JsonProperty("Name")
    private String name;
    @JsonProperty("DisplayName")
    private String displayName;
    @JsonProperty("Order")
    private Integer order;

    /** The id to remove the include with (removeInclude's includeId). */
    public String getObjectInJobId() {
        return objectInJobId;
    }

    public void setObjectInJobId(String objectInJobId) {
        this.objectInJobId = objectInJobId;
    }

    /** The hierarchy object, for example {@code urn:VMware:Vm:<hierarchyRootId>.vm-7870}. */
    public String getHierarchyObjRef() {
        return hierarchyObjRef;
    }

    public void setHierarchyObjRef(String hierarchyObjRef) {
        this.hierarchyObjRef = hierarchyObjRef;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The processing order; sent by EM 9.x only. */
    public Integer getOrder() {
        return order;
    }

    public void setOrder(Integer order) {
        this.order = order;
    }

    @Override
    public String toString() {
        return "ObjectInJob[objectInJobId=" + objectInJobId + ", name=" + name + ", hierarchyObjRef=" + hierarchyObjRef
               + "]";
    }
}
