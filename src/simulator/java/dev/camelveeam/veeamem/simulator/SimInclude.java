package dev.camelveeam.veeamem.simulator;

import java.util.Objects;

/** One object processed by a simulated job (an EM {@code ObjectInJob}). Immutable. */
public final class SimInclude {

    private final String id;
    private final String hierarchyObjRef;
    private final String name;

    SimInclude(String id, String hierarchyObjRef, String name) {
        this.id = Ids.requireGuid(id, "ObjectInJobId");
        this.hierarchyObjRef = Objects.requireNonNull(hierarchyObjRef, "hierarchyObjRef");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The ObjectInJobId, a lower-case GUID. */
    public String getId() {
        return id;
    }

    public String getHierarchyObjRef() {
        return hierarchyObjRef;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "SimInclude[" + id + ", " + name + ", " + hierarchyObjRef + "]";
    }
}
