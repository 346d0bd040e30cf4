package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An object of the virtual infrastructure found by a lookup: a VM, host, folder, tag...
 */
public class HierarchyItem extends EmResource {

    @JsonProperty("ObjectRef")
    private String objectRef;
    @JsonProperty("ObjectType")
    private String objectType;
    @JsonProperty("ObjectName")
    private String objectName;

    /** The hierarchy object reference, to add the object to a job with. */
    public String getObjectRef() {
        return objectRef;
    }

    public void setObjectRef(String objectRef) {
        this.objectRef = objectRef;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getObjectName() {
        return objectName;
    }

    public void setObjectName(String objectName) {
        this.objectName = objectName;
    }

    @Override
    public String toString() {
        return "HierarchyItem[objectType=" + objectType + ", objectName=" + objectName + ", objectRef=" + objectRef + "]";
    }
}
