package dev.camelveeam.veeamem;

import java.util.List;

import dev.camelveeam.veeamem.model.ObjectInJob;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimInclude;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * listIncludes, getInclude and addInclude (by reference, and by name through a lookup) in XML and JSON.
 */
class IncludeOperationsTest extends VeeamEmTestSupport {

    private static final String ROOT = "93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd";
    private static final String WEB01_REF = "urn:VMware:Vm:" + ROOT + ".vm-101";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void listIncludesReturnsTheJobsObjects(VeeamEmFormat format) {
        Exchange result = template.request(uri("listIncludes") + "&format=" + format + "&jobId=" + SEED_ORACLE_JOB_ID,
                exchange -> {
                });

        List<?> includes = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(2, includes.size());
        ObjectInJob first = (ObjectInJob) includes.stream()
                .filter(include -> ((ObjectInJob) include).getObjectInJobId().equals(SEED_ORACLE01_INCLUDE_ID))
                .findFirst().orElseThrow();
        assertEquals("oracle01", first.getName());
        assertEquals("urn:VMware:Vm:" + ROOT + ".vm-48911", first.getHierarchyObjRef());
        RecordedRequest list = sim.getRequests("GET", "/api/jobs/.*").get(0);
        assertEquals("/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes", list.path());
        assertEquals(format.getMediaType(), list.header("Accept"));
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void getIncludeReturnsOneObject(VeeamEmFormat format) {
        Exchange result = template.request(uri("getInclude") + "&format=" + format + "&jobId=" + SEED_ORACLE_JOB_ID
                                           + "&includeId=" + SEED_ORACLE01_INCLUDE_ID,
                exchange -> {
                });

        ObjectInJob include = assertInstanceOf(ObjectInJob.class, result.getMessage().getBody());
        assertEquals(SEED_ORACLE01_INCLUDE_ID, include.getObjectInJobId());
        assertEquals("oracle01", include.getDisplayName());
        assertTrue(include.findLink("Delete").isPresent());
        assertEquals(1, sim.getRequests("GET",
                "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID).size());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void addIncludeByReferencePostsTheSpecAndWaitsForTheTask(VeeamEmFormat format) {
        Exchange result = template.request(uri("addInclude") + "&format=" + format + "&jobId=" + SEED_EXCHANGE_JOB_ID,
                exchange -> {
                    exchange.getMessage().setHeader(VeeamEmConstants.HIERARCHY_OBJ_REF, WEB01_REF);
                    exchange.getMessage().setHeader(VeeamEmConstants.OBJECT_NAME, "web01");
                });

        Task task = assertFinishedTask(result, true, "Ok");
        assertEquals("UpdateJob", task.getOperation());
        List<SimInclude> includes = sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes();
        assertTrue(includes.stream().anyMatch(include -> include.getHierarchyObjRef().equals(WEB01_REF)
                && include.getName().equals("web01")), "web01 is in the job on the simulator");

        RecordedRequest post = sim.getRequests("POST", "/api/jobs/.*").get(0);
        assertEquals("/api/jobs/" + SEED_EXCHANGE_JOB_ID + "/includes", post.path());
        assertEquals(202, post.status());
        assertTrue(post.header("Content-Type").startsWith(format.getMediaType()), post.header("Content-Type"));
        if (format == VeeamEmFormat.xml) {
            assertTrue(post.body().startsWith("<?xml"), post.body());
            assertTrue(post.body().contains("<CreateObjectInJobSpec xmlns=\"http://www.veeam.com/ent/v1.0\">"
                                            + "<HierarchyObjRef>" + WEB01_REF + "</HierarchyObjRef>"
                                            + "<HierarchyObjName>web01</HierarchyObjName></CreateObjectInJobSpec>"),
                    post.body());
        } else {
            assertEquals("{\"HierarchyObjRef\":\"" + WEB01_REF + "\",\"HierarchyObjName\":\"web01\"}", post.body());
        }
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void addIncludeByNameLooksTheVmUpFirst(VeeamEmFormat format) {
        Exchange result = template.request(uri("addInclude") + "&format=" + format + "&hierarchyRootId=" + ROOT,
                exchange -> {
                    exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, "Exchange Backup");
                    exchange.getMessage().setHeader(VeeamEmConstants.OBJECT_NAME, "WEB01");
                });

        assertFinishedTask(result, true, "Ok");
        assertTrue(sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes().stream()
                .anyMatch(include -> include.getHierarchyObjRef().equals(WEB01_REF)));
        List<RecordedRequest> wire = sim.getRequests();
        assertEquals("/api/jobs", wire.get(1).path(), "the job name was resolved first");
        RecordedRequest lookup = wire.get(2);
        assertEquals("/api/lookup", lookup.path());
        assertEquals("host=urn%3Aveeam%3AHierarchyRoot%3A" + ROOT + "&name=WEB01&type=Vm", lookup.query());
        assertEquals("POST", wire.get(3).method());
        assertTrue(wire.get(3).body().contains(WEB01_REF));
    }

    @ParameterizedTest
    @EnumSource(value = VeeamEmFormat.class)
    void addIncludeByNameFailsWhenTheNameIsAmbiguousOrUnknown(VeeamEmFormat format) {
        String endpoint = uri("addInclude") + "&format=" + format + "&hierarchyRootId=urn:veeam:HierarchyRoot:" + ROOT
                          + "&jobId=" + SEED_EXCHANGE_JOB_ID;

        Exchange ambiguous = template.request(endpoint + "&objectName=dup-vm", exchange -> {
        });
        Exchange unknown = template.request(endpoint + "&objectName=no-such-vm", exchange -> {
        });

        String ambiguity = assertInstanceOf(IllegalArgumentException.class, ambiguous.getException()).getMessage();
        assertTrue(ambiguity.contains("2 Vm objects named 'dup-vm'") && ambiguity.contains("vm-201")
                && ambiguity.contains("vm-202"), ambiguity);
        String absence = assertInstanceOf(IllegalArgumentException.class, unknown.getException()).getMessage();
        assertTrue(absence.contains("No Vm objects named 'no-such-vm'"), absence);
        assertTrue(sim.getRequests("POST", "/api/jobs/.*").isEmpty(), "nothing was added");
        assertEquals(2, sim.getRequests("GET", "/api/lookup").size());
    }
}
