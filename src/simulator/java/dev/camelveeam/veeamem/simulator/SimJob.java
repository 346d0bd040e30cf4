package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A simulated EM job (a VMware backup job with a daily schedule) with its includes. Thread-safe; the includes keep
 * their insertion order.
 */
public final class SimJob {

    /** Outcome of {@link #removeIncludeUnlessLast(String)}. */
    enum Removal {
        REMOVED,
        LAST_OBJECT,
        NOT_FOUND
    }

    /** Outcome of {@link #addIncludeUnlessPresent(String, String)}. */
    enum Addition {
        ADDED,
        ALREADY_INCLUDED
    }

    static final String DEFAULT_DESCRIPTION = "Created by the EM simulator.";
    /** The daily start time of every simulated schedule. */
    static final LocalTime SCHEDULED_START_UTC = LocalTime.of(22, 0);

    private final String id;
    private final String name;
    private final Map<String, SimInclude> includes = new LinkedHashMap<>();
    private volatile String description = DEFAULT_DESCRIPTION;
    private volatile boolean scheduleEnabled = true;

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

    public String getDescription() {
        return description;
    }

    /** @return this job */
    public SimJob setDescription(String description) {
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    /** Whether the (always configured) daily schedule runs the job; {@code ?action=toggleScheduleEnabled} flips it. */
    public boolean isScheduleEnabled() {
        return scheduleEnabled;
    }

    /** @return this job */
    public synchronized SimJob setScheduleEnabled(boolean enabled) {
        this.scheduleEnabled = enabled;
        return this;
    }

    synchronized void toggleScheduleEnabled() {
        scheduleEnabled = !scheduleEnabled;
    }

    /** The next scheduled start after {@code now} (daily at {@link #SCHEDULED_START_UTC}), empty while disabled. */
    Optional<Instant> nextRun(Instant now) {
        if (!scheduleEnabled) {
            return Optional.empty();
        }
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(SCHEDULED_START_UTC);
        return Optional.of((today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant());
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

    /**
     * Adds an object unless one with the same reference (any letter case: EM writes {@code Vm} and {@code VM}) is in
     * the job.
     */
    Addition addIncludeUnlessPresent(String hierarchyObjRef, String objectName) {
        synchronized (includes) {
            String key = hierarchyObjRef.toLowerCase(Locale.ROOT);
            if (includes.values().stream().anyMatch(i -> i.getHierarchyObjRef().toLowerCase(Locale.ROOT).equals(key))) {
                return Addition.ALREADY_INCLUDED;
            }
            SimInclude include = new SimInclude(UUID.randomUUID().toString(), hierarchyObjRef, objectName);
            includes.put(include.getId(), include);
            return Addition.ADDED;
        }
    }

    /** A copy under a new id and name: same description, schedule and objects, the objects with new ObjectInJobIds. */
    SimJob copyAs(String newId, String newName) {
        SimJob copy = new SimJob(newId, newName).setDescription(description).setScheduleEnabled(scheduleEnabled);
        getIncludes().forEach(
                include -> copy.addInclude(UUID.randomUUID().toString(), include.getHierarchyObjRef(), include.getName()));
        return copy;
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
