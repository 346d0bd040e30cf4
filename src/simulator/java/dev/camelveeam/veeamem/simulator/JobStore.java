package dev.camelveeam.veeamem.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated jobs by id, and how a path names one. */
final class JobStore {

    private static final Comparator<SimJob> BY_NAME
            = Comparator.comparing((SimJob job) -> job.getName().toLowerCase(Locale.ROOT))
                    .thenComparing(SimJob::getId);

    private final Map<String, SimJob> jobs = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if a job with this id exists */
    SimJob add(SimJob job) {
        if (jobs.putIfAbsent(job.getId(), job) != null) {
            throw new IllegalArgumentException("Job " + job.getId() + " already exists");
        }
        return job;
    }

    Optional<SimJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** All jobs by name (any letter case), then id. */
    List<SimJob> all() {
        return jobs.values().stream().sorted(BY_NAME).toList();
    }

    void clear() {
        jobs.clear();
    }

    /**
     * The job a path names: a bare GUID or {@code urn:veeam:Job:<guid>}.
     *
     * @throws SimError 400 if the id is malformed, 404 if there is no such job
     */
    SimJob require(String pathId) {
        String jobId = Ids.entityGuid(pathId, "Job").orElseThrow(
                () -> new SimError(400, "Invalid job id [" + pathId + "]: expected a GUID or urn:veeam:Job:<GUID>."));
        return find(jobId).orElseThrow(() -> new SimError(404, "Job [" + jobId + "] was not found."));
    }

    /**
     * Clones under a new GUID unless another job has this name (any letter case: VBR job names are unique so).
     *
     * @param description the clone's description, {@code null} to keep the source's
     */
    synchronized Optional<SimJob> cloneUnlessNameTaken(SimJob source, String newName, String description) {
        if (jobs.values().stream().anyMatch(job -> job.getName().equalsIgnoreCase(newName))) {
            return Optional.empty();
        }
        SimJob clone = source.copyAs(UUID.randomUUID().toString(), newName);
        if (description != null) {
            clone.setDescription(description);
        }
        return Optional.of(add(clone));
    }
}
