package dev.camelveeam.veeamem.simulator;

/** The virtual infrastructure: {@code GET /api/hierarchyRoots} and the lookup service {@code GET /api/lookup}. */
final class InventoryResource {

    private final Inventory inventory;
    private final InventoryDocuments documents;

    InventoryResource(Inventory inventory, InventoryDocuments documents) {
        this.inventory = inventory;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/hierarchyRoots", Router.Access.SESSION,
                request -> SimResponse.of(200, documents.rootReferences(inventory.all())))
                .add("GET", "/api/lookup", Router.Access.SESSION, this::lookup);
    }

    /** {@code hierarchyRef=<ref>} wins over {@code host=<root UID>[&type=…][&name=…]}; no match is an empty list. */
    private SimResponse lookup(SimRequest request) {
        String hierarchyRef = request.queryParam("hierarchyRef");
        if (hierarchyRef != null) {
            return SimResponse.of(200, documents.items(inventory.lookup(hierarchyRef.strip())));
        }
        String host = request.queryParam("host");
        if (host == null) {
            throw new SimError(
                    400, "Specify host=urn:veeam:HierarchyRoot:<GUID> (with name and type) or hierarchyRef=<reference>.");
        }
        String rootId = Ids.entityGuid(host.strip(), "HierarchyRoot").orElseThrow(() -> new SimError(
                400,
                "Invalid host [" + host + "]: expected urn:veeam:HierarchyRoot:<GUID>."));
        SimHierarchyRoot root = inventory.find(rootId)
                .orElseThrow(() -> new SimError(404, "Hierarchy root [" + rootId + "] was not found."));
        return SimResponse.of(200,
                documents.items(Inventory.lookup(root, request.queryParam("type"), request.queryParam("name"))));
    }
}
