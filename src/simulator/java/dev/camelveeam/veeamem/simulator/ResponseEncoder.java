package dev.camelveeam.veeamem.simulator;

import java.util.Map;

import com.sun.net.httpserver.Headers;

/** Turns an {@link SimResponse} into EM's response headers and an XML or JSON body. */
final class ResponseEncoder {

    /** Sent by EM 12 (self-hosted WCF behind HTTP.sys) on every answer. */
    private static final Map<String, String> EM_HEADERS = Map.of(
            "Cache-Control", "private",
            "Server", "Microsoft-HTTPAPI/2.0",
            "X-Frame-Options", "SAMEORIGIN",
            "X-XSS-Protection", "1; mode=block",
            "Strict-Transport-Security", "max-age=31536000",
            "X-Content-Type-Options", "nosniff");

    private final SimConfig config;
    private final XmlRenderer xml = new XmlRenderer();
    private final JsonRenderer json = new JsonRenderer();

    ResponseEncoder(SimConfig config) {
        this.config = config;
    }

    /** Sets the response headers and returns the body bytes (empty for no body). */
    byte[] encode(SimResponse response, boolean asJson, Headers responseHeaders) {
        EM_HEADERS.forEach(responseHeaders::set);
        response.headers().forEach(responseHeaders::set);
        if (response.body() == null) {
            return new byte[0];
        }
        if (asJson) {
            responseHeaders.set("Content-Type", "application/json; charset=utf-8");
            return json.render(response.body(), config.jsonCasing, config.jsonByteOrderMark);
        }
        // EM declares the charset on successful XML answers only
        responseHeaders.set("Content-Type",
                response.statusCode() >= 400 ? "application/xml" : "application/xml; charset=utf-8");
        return xml.render(response.body());
    }
}
