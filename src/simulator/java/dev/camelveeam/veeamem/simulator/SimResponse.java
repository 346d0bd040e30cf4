package dev.camelveeam.veeamem.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a resource answers: a status, an optional document and extra headers. */
record SimResponse(int statusCode, EmElement body, Map<String, String> headers) {

    static SimResponse of(int statusCode, EmElement body) {
        return new SimResponse(statusCode, body, Map.of());
    }

    /** The error's status and headers with an EM {@code Error} document. */
    static SimResponse error(SimError error) {
        return new SimResponse(error.statusCode(), EmDocuments.error(error.statusCode(), error.getMessage()), error.headers());
    }

    static SimResponse noContent() {
        return of(204, null);
    }

    SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(statusCode, body, more);
    }
}
