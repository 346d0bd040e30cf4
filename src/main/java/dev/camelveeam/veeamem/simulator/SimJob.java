package dev.camelveeam.veeamem.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A simulated EM job with its includes. Thread-safe; the includes keep their insertion order. */
public final class SimJob {

    /** Outcome of {@link #removeIncludeUnlessLast(String)}. */
    enum Removal {
        REMOVED, LAST_OBJECT, NOT_FOUND
    }

    private final String id;
    private final String name;
    private final Map<String, SimInclude> includes = new LinkedHashMap<>();

    SimJob(String id, String name) {
        this.id = Ids.requireGuid(id, "job id");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The job id, a lower-case GUID (the part after {@code urn:veeam:Job:}). */
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /**
     * Adds an object to the job.
     *
     * @param  includeId                the ObjectInJobId (GUID)
     * @param  hierarchyObjRef          e.g. {@code urn:VMware:Vm:<hierarchyRootGuid>.vm-48911}
     * @param  objectName               the VM or container name
     * @return                          this job
     * @throws IllegalArgumentException if the id is not a GUID or already included
     */
    public SimJob addInclude(String includeId, String hierarchyObjRef, String objectName) {
        SimInclude include = new SimInclude(includeId, hierarchyObjRef, objectName);
        synchronized (includes) {
            if (includes.putIfAbsent(include.getId(), include) != null) {
                throw new IllegalArgumentException("Job " + id + " already includes " + include.getId());
            }
        }
        return this;
    }

    /** A snapshot of the includes, in insertion order. */
    public List<SimInclude> getIncludes() {
        synchronized (includes) {
            return List.copyOf(includes.values());
        }
    }

    Optional<SimInclude> findInclude(String includeId) {
        synchronized (includes) {
            return Optional.ofNullable(includes.get(includeId));
        }
    }

    /** EM refuses to remove the only object a job processes; the check and the removal are one atomic step. */
    Removal removeIncludeUnlessLast(String includeId) {
        synchronized (includes) {
            if (!includes.containsKey(includeId)) {
                return Removal.NOT_FOUND;
            }
            if (includes.size() == 1) {
                return Removal.LAST_OBJECT;
            }
            includes.remove(includeId);
            return Removal.REMOVED;
        }
    }

    @Override
    public String toString() {
        return "SimJob[" + id + ", " + name + "]";
    }
}
