package dev.camelveeam.veeamem.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Logon ({@code POST /api/sessionMngr/}), the logon session list, one session, and logoff. */
final class LogonSessionResource {

    private static final Map<String, String> BASIC_CHALLENGE = Map.of("WWW-Authenticate", "Basic Realm=RestSvc");

    private final SessionStore sessions;
    private final SimConfig config;
    private final EmDocuments documents;

    LogonSessionResource(SessionStore sessions, SimConfig config, EmDocuments documents) {
        this.sessions = sessions;
        this.config = config;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("POST", "/api/sessionMngr", Router.Access.PUBLIC, this::logon)
                .add("GET", "/api/logonSessions", Router.Access.SESSION, this::list)
                .add("GET", "/api/logonSessions/([^/]+)", Router.Access.SESSION, this::get)
                .add("DELETE", "/api/logonSessions/([^/]+)", Router.Access.SESSION, this::logoff);
    }

    private SimResponse logon(SimRequest request) {
        String version = request.query().get("v");
        if (version != null && !version.equals("latest") && !EmDocuments.SUPPORTED_VERSIONS.contains(version)) {
            // EM 12 refuses a version it no longer lists as an authorization failure (CloudStack PR #8241), see docs/simulator.md
            throw new SimError(
                    401, "Logon failed: API version [" + version + "] is not supported. Supported versions: "
                         + String.join(", ", EmDocuments.SUPPORTED_VERSIONS) + ".",
                    BASIC_CHALLENGE);
        }
        String[] credentials = basicCredentials(request.headers().getFirst("Authorization"));
        if (credentials == null || !config.acceptsCredentials(credentials[0], credentials[1])) {
            throw new SimError(401, "Logon failed: user name or password is incorrect.", BASIC_CHALLENGE);
        }
        SimSession session = sessions.logon(credentials[0]);
        return SimResponse.of(201, documents.logonSession(session))
                .withHeader(EmHttpHandler.SESSION_HEADER, session.token())
                .withHeader("Set-Cookie", EmHttpHandler.SESSION_HEADER + "=" + session.token() + "; Path=/api;");
    }

    private SimResponse list(SimRequest request) {
        return SimResponse.of(200, documents.logonSessions(sessions.liveSessionsOf(request.session().userName())));
    }

    private SimResponse get(SimRequest request) {
        return SimResponse.of(200, documents.logonSession(visibleSession(request)));
    }

    private SimResponse logoff(SimRequest request) {
        sessions.logoff(visibleSession(request));
        return SimResponse.noContent();
    }

    /** A caller sees its own user's live sessions only. */
    private SimSession visibleSession(SimRequest request) {
        String sessionId = Ids.guid(request.pathParam(0))
                .orElseThrow(
                        () -> new SimError(400, "Invalid logon session id [" + request.pathParam(0) + "]: expected a GUID."));
        return sessions.findById(sessionId)
                .filter(session -> session.userName().equals(request.session().userName()))
                .orElseThrow(() -> new SimError(404, "Logon session [" + sessionId + "] was not found."));
    }

    /** {@code [user, password]} from an {@code Authorization: Basic} header, or {@code null} if there is none. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
