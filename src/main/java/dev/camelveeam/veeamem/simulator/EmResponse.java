package dev.camelveeam.veeamem.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a resource answers: a status, an optional document and extra headers. */
record EmResponse(int statusCode, EmElement body, Map<String, String> headers) {

    static EmResponse of(int statusCode, EmElement body) {
        return new EmResponse(statusCode, body, Map.of());
    }

    /** The error's status and headers with an EM {@code Error} document. */
    static EmResponse error(EmError error) {
        return new EmResponse(error.statusCode(), EmDocuments.error(error.statusCode(), error.getMessage()), error.headers());
    }

    static EmResponse noContent() {
        return of(204, null);
    }

    EmResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new EmResponse(statusCode, body, more);
    }
}
