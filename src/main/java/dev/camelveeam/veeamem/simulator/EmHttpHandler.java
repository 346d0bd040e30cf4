package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one entry point of the simulator's HTTP server: records the request, routes it, checks the session, lets the
 * resource answer and encodes the answer (an {@link EmError} or any failure becomes an EM {@code Error} document).
 */
final class EmHttpHandler implements HttpHandler {

    static final String SESSION_HEADER = "X-RestSvcSessionId";

    private final Router router;
    private final SessionStore sessions;
    private final EmDocuments documents;
    private final ResponseEncoder encoder;
    private final Queue<RecordedRequest> requestLog;

    EmHttpHandler(Router router, SessionStore sessions, EmDocuments documents, ResponseEncoder encoder,
                  Queue<RecordedRequest> requestLog) {
        this.router = router;
        this.sessions = sessions;
        this.documents = documents;
        this.encoder = encoder;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RecordedRequest recorded = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            requestLog.add(recorded);

            EmResponse response = answer(exchange, body);
            byte[] bytes = encoder.encode(response, acceptsJson(exchange.getRequestHeaders()), exchange.getResponseHeaders());
            recorded.answered(response.statusCode());
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private EmResponse answer(HttpExchange exchange, String body) {
        try {
            Router.Match match = router.resolve(exchange.getRequestMethod(), normalise(exchange.getRequestURI().getPath()));
            SimSession session = match.route().access() == Router.Access.SESSION ? authenticate(exchange.getRequestHeaders()) : null;
            EmRequest request = new EmRequest(match.pathParams(), parseQuery(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body, session);
            return match.route().handler().handle(request);
        } catch (EmError e) {
            return new EmResponse(e.statusCode(), documents.error(e.statusCode(), e.getMessage()), e.headers());
        } catch (RuntimeException e) {
            return EmResponse.of(500, documents.error(500, "Simulator failure: " + e));
        }
    }

    /** EM accepts doubled slashes ({@code /api//jobs}); a trailing slash is optional. */
    private static String normalise(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    private SimSession authenticate(Headers headers) {
        String token = sessionToken(headers);
        if (token == null) {
            throw new EmError(401, "Session is not specified: log on and send the " + SESSION_HEADER + " header or cookie.");
        }
        return sessions.authenticate(token)
                .orElseThrow(() -> new EmError(401, "Session has expired or does not exist: log on again."));
    }

    /** The cookie wins over the header when both are sent. */
    private static String sessionToken(Headers headers) {
        for (String cookieHeader : headers.getOrDefault("Cookie", List.of())) {
            for (String cookie : cookieHeader.split(";")) {
                String trimmed = cookie.trim();
                if (trimmed.startsWith(SESSION_HEADER + "=")) {
                    return trimmed.substring(SESSION_HEADER.length() + 1);
                }
            }
        }
        return headers.getFirst(SESSION_HEADER);
    }

    private static boolean acceptsJson(Headers headers) {
        return headers.getOrDefault("Accept", List.of()).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("application/json"));
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }
}
