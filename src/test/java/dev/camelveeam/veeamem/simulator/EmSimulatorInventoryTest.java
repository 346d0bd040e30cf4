package dev.camelveeam.veeamem.simulator;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_HIERARCHY_ROOT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hierarchy roots and the lookup service. */
class EmSimulatorInventoryTest {

    private static final String HOST = "urn:veeam:HierarchyRoot:" + SEED_HIERARCHY_ROOT_ID;
    private static final String VM_REF_PREFIX = "urn:VMware:Vm:" + SEED_HIERARCHY_ROOT_ID + ".";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmSimulator sim;
    private static SimTestClient client;
    private static String token;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().start();
        client = new SimTestClient(sim);
        token = client.logon();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void hierarchyRootsAreEntityReferences() throws Exception {
        XmlAnswer roots = XmlAnswer.of(client.get("/hierarchyRoots", token).body());
        assertEquals("EntityReferences", roots.rootName());
        assertEquals(List.of(HOST), roots.attributes("Ref", "UID"));
        assertEquals(List.of("vcenter01.lab.local"), roots.attributes("Ref", "Name"));
        assertEquals(List.of("HierarchyRootReference"), roots.attributes("Ref", "Type"));
        assertEquals(List.of(sim.getBaseUrl() + "/hierarchyRoots/" + SEED_HIERARCHY_ROOT_ID), roots.attributes("Ref", "Href"));

        JsonNode json = JSON.readTree(client.get("/hierarchyRoots", token, "application/json").body());
        assertEquals("vcenter01.lab.local", json.get("Refs").get(0).get("Name").textValue());
        assertEquals(HOST, json.get("Refs").get(0).get("UID").textValue());
    }

    @Test
    void lookupFindsAVmByHostTypeAndNameInAnyLetterCase() throws Exception {
        HttpResponse<String> answer = client.get("/lookup?host=" + HOST + "&name=WEB01&type=vm", token);
        assertEquals(200, answer.statusCode());
        XmlAnswer items = XmlAnswer.of(answer.body());
        assertEquals("HierarchyItems", items.rootName());
        assertEquals(List.of(VM_REF_PREFIX + "vm-101"), items.texts("ObjectRef"));
        assertEquals(List.of("Vm"), items.texts("ObjectType"));
        assertEquals(List.of("web01"), items.texts("ObjectName"));
        assertEquals(List.of("HierarchyItem"), items.attributes("HierarchyItem", "Type"));
        assertEquals(List.of("ObjectRef", "ObjectType", "ObjectName"), items.childNames("HierarchyItem"));
        String href = items.attributes("HierarchyItem", "Href").get(0);
        assertTrue(href.startsWith(sim.getBaseUrl() + "/lookup?hierarchyRef=urn%3aVMware%3aVm%3a"), href);
        assertEquals(items.texts("ObjectRef"), XmlAnswer.of(client.get(href.substring(sim.getBaseUrl().length()), token).body())
                .texts("ObjectRef"), "the Href finds the item");

        JsonNode json
                = JSON.readTree(client.get("/lookup?host=" + HOST + "&name=web01&type=Vm", token, "application/json").body());
        assertEquals(List.of("HierarchyItems"), keys(json));
        JsonNode item = json.get("HierarchyItems").get(0);
        assertEquals(List.of("ObjectRef", "ObjectType", "ObjectName", "Links", "Href", "Type"), keys(item));
        assertTrue(item.get("Links").isNull());
    }

    @Test
    void lookupReturnsEveryVmOfAnAmbiguousNameAndNothingForAnUnknownOne() throws Exception {
        XmlAnswer dup = XmlAnswer.of(client.get("/lookup?host=" + HOST + "&name=dup-vm&type=Vm", token).body());
        assertEquals(List.of(VM_REF_PREFIX + "vm-201", VM_REF_PREFIX + "vm-202"), dup.texts("ObjectRef"));

        HttpResponse<String> none = client.get("/lookup?host=" + HOST + "&name=nosuchvm&type=Vm", token);
        assertEquals(200, none.statusCode());
        assertTrue(none.body().endsWith(
                "<HierarchyItems xmlns=\"http://www.veeam.com/ent/v1.0\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>"),
                none.body());
        assertEquals("{\"HierarchyItems\":[]}",
                client.get("/lookup?host=" + HOST + "&name=nosuchvm&type=Vm", token, "application/json").body());
        assertEquals(List.of(),
                XmlAnswer.of(client.get("/lookup?host=" + HOST + "&name=web01&type=Host", token).body()).texts("ObjectRef"),
                "the type must match too");
        assertEquals(7, XmlAnswer.of(client.get("/lookup?host=" + HOST + "&type=Vm", token).body()).texts("ObjectRef").size(),
                "without a name every object of the type");
    }

    @Test
    void lookupByHierarchyRefFindsThatObject() {
        String ref = URLEncoder.encode(VM_REF_PREFIX.replace(":Vm:", ":VM:") + "vm-48912", StandardCharsets.UTF_8);
        XmlAnswer found = XmlAnswer.of(client.get("/lookup?hierarchyRef=" + ref, token).body());
        assertEquals(List.of("oracle02"), found.texts("ObjectName"));
        assertEquals(List.of(),
                XmlAnswer.of(client.get("/lookup?hierarchyRef=" + ref + "9", token).body()).texts("ObjectName"));
    }

    @Test
    void lookupWithoutAUsableHostIsAnError() {
        HttpResponse<String> unknown
                = client.get("/lookup?host=urn:veeam:HierarchyRoot:" + UUID.randomUUID() + "&name=web01&type=Vm", token);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("Status=\"NotFound\""), unknown.body());
        assertEquals(400, client.get("/lookup?host=vcenter01&name=web01&type=Vm", token).statusCode());
        assertEquals(400, client.get("/lookup?name=web01&type=Vm", token).statusCode());
        assertEquals(200,
                client.get("/lookup?host=" + SEED_HIERARCHY_ROOT_ID.toUpperCase() + "&name=web01", token).statusCode(),
                "a bare GUID is accepted too");
        assertEquals(401, client.get("/lookup?host=" + HOST, "bogus").statusCode());
    }

    @Test
    void ownHierarchyRootsAndVms() {
        try (EmSimulator own = new EmSimulator().withSeedData(false).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            assertEquals(List.of(), XmlAnswer.of(ownClient.get("/hierarchyRoots", ownToken).body()).attributes("Ref", "UID"));

            String rootId = UUID.randomUUID().toString();
            SimHierarchyRoot root
                    = own.addHierarchyRoot(rootId, "vcenter02").addVm("urn:VMware:Vm:" + rootId + ".vm-1", "db01");
            assertEquals(rootId, root.getId());
            assertEquals("vcenter02", root.getName());
            assertEquals(List.of("db01"),
                    XmlAnswer.of(ownClient.get("/lookup?host=urn:veeam:HierarchyRoot:" + rootId + "&name=db01&type=Vm",
                            ownToken).body()).texts("ObjectName"));
            assertThrows(IllegalArgumentException.class, () -> own.addHierarchyRoot(rootId, "again"));
            assertThrows(IllegalArgumentException.class, () -> own.addHierarchyRoot("vcenter", "not a guid"));
            assertThrows(IllegalArgumentException.class, () -> root.addVm("vm-2", "no urn"));
        }
    }

    @Test
    void em13CasingAppliesToLookups() throws Exception {
        try (EmSimulator own = new EmSimulator().withJsonCasing(EmSimulator.JsonCasing.EM13).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            JsonNode json = JSON.readTree(
                    ownClient.get("/lookup?host=" + HOST + "&name=exch01&type=Vm", ownClient.logon(), "application/json")
                            .body());
            assertEquals(List.of("objectRef", "objectType", "objectName", "links", "href", "type"),
                    keys(json.get("hierarchyItems").get(0)));
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
