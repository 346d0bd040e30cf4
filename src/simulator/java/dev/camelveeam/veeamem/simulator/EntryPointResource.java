package dev.camelveeam.veeamem.simulator;

/** {@code GET /api/}: the unauthenticated entry point listing the supported API versions. */
final class EntryPointResource {

    private final EmDocuments documents;

    EntryPointResource(EmDocuments documents) {
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api", Router.Access.PUBLIC, request -> SimResponse.of(200, documents.enterpriseManager()));
    }
}
