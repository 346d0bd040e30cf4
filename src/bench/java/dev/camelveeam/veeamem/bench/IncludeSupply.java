package dev.camelveeam.veeamem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.SimJob;

/**
 * Fresh includes to remove: {@code removeInclude} consumes one per operation, so each operation gets a new include,
 * added straight into the simulator's data (an in-process call, no request). Includes are spread over a few jobs, each
 * of which keeps one include that is never removed (EM refuses to remove a job's last object).
 */
final class IncludeSupply {

    /** A job id and the ObjectInJobId of one of its includes. */
    record Include(String jobId, String includeId) {
    }

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:" + EmSimulator.SEED_HIERARCHY_ROOT_ID + ".vm-b";

    private final List<SimJob> jobs = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();

    IncludeSupply(EmSimulator sim, int jobCount) {
        for (int i = 0; i < jobCount; i++) {
            SimJob job = sim.addJob(UUID.randomUUID().toString(), "Bench job " + i);
            job.addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "keep-" + i, "bench-keep-" + i);
            jobs.add(job);
        }
    }

    Include next() {
        long n = counter.incrementAndGet();
        SimJob job = jobs.get((int) (n % jobs.size()));
        String includeId = UUID.randomUUID().toString();
        job.addInclude(includeId, VM_REF_PREFIX + n, "bench-vm-" + n);
        return new Include(job.getId(), includeId);
    }

    List<Include> next(int count) {
        List<Include> includes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            includes.add(next());
        }
        return includes;
    }
}
