package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one entry point of the simulator's HTTP server: records the request, applies a pending fault or else routes it,
 * checks the session, lets the resource answer and has the answer written (an {@link SimError} or any failure becomes
 * an EM {@code Error} document).
 */
final class EmHttpHandler implements HttpHandler {

    static final String SESSION_HEADER = "X-RestSvcSessionId";

    private static final RequestFault NO_FAULT = exchange -> exchange.answer(exchange.handle());

    private final Supplier<SimWorld> world;
    private final AnswerWriter writer;
    private final SimFaults faults;
    private final Queue<RecordedRequest> requestLog;

    /** @param world the simulator's current world, read once per request */
    EmHttpHandler(Supplier<SimWorld> world, AnswerWriter writer, SimFaults faults, Queue<RecordedRequest> requestLog) {
        this.world = world;
        this.writer = writer;
        this.faults = faults;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RecordedRequest recorded = new RecordedRequest(
                http.getRequestMethod(), http.getRequestURI().getRawPath(),
                http.getRequestURI().getRawQuery(), http.getRequestHeaders(), body);
        requestLog.add(recorded);
        SimWorld current = world.get();
        SimExchange exchange = new SimExchange(http, recorded, () -> answer(current, http, body), writer);
        faults.take(recorded.method(), recorded.path()).orElse(NO_FAULT).apply(exchange);
    }

    private SimResponse answer(SimWorld current, HttpExchange exchange, String body) {
        Router router = current.router;
        SessionStore sessions = current.sessions;
        try {
            String path = Router.normalise(exchange.getRequestURI().getPath());
            Router.Match match;
            try {
                match = router.resolve(exchange.getRequestMethod(), path);
            } catch (SimError notRouted) {
                if (!router.isPublicPath(path)) {
                    authenticate(sessions, exchange.getRequestHeaders()); // EM checks the session before it looks at the path
                }
                throw notRouted;
            }
            SimSession session = match.route().access() == Router.Access.SESSION
                    ? authenticate(sessions, exchange.getRequestHeaders()) : null;
            SimRequest request = new SimRequest(
                    match.pathParams(), parseQuery(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body, session);
            return match.route().handler().handle(request);
        } catch (SimError e) {
            return SimResponse.error(e);
        } catch (RuntimeException e) {
            return SimResponse.error(new SimError(500, "Simulator failure: " + e));
        }
    }

    private static SimSession authenticate(SessionStore sessions, Headers headers) {
        String token = sessionToken(headers);
        if (token == null) {
            throw new SimError(401, "Session is not specified: log on and send the " + SESSION_HEADER + " header or cookie.");
        }
        return sessions.authenticate(token)
                .orElseThrow(() -> new SimError(401, "Session has expired or does not exist: log on again."));
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
