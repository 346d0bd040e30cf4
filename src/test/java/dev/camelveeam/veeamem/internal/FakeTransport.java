package dev.camelveeam.veeamem.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.camelveeam.veeamem.VeeamEmFormat;

/**
 * A transport without sockets: each request is answered by a function the test sets (which may return a future it
 * completes later), and every request is recorded with the time of the test's clock.
 */
final class FakeTransport implements EmTransport {

    static final String LOGON_ANSWER = "<LogonSession xmlns=\"http://www.veeam.com/ent/v1.0\">"
                                       + "<UserName>u</UserName><SessionId>session-1</SessionId></LogonSession>";

    private final Secrets secrets = new Secrets();
    private final ManualScheduler clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Function<EmRequest, CompletableFuture<EmResponse>> answers;
    private boolean closed;

    FakeTransport(ManualScheduler clock, Function<EmRequest, CompletableFuture<EmResponse>> answers) {
        this.clock = clock;
        this.answers = answers;
    }

    void answerWith(Function<EmRequest, CompletableFuture<EmResponse>> answers) {
        this.answers = answers;
    }

    static CompletableFuture<EmResponse> answer(int status, String body) {
        return CompletableFuture.completedFuture(
                new EmResponse(status, status == 201 ? "token-1" : null, body.getBytes(StandardCharsets.UTF_8)));
    }

    static String task(String state) {
        return "{\"TaskId\":\"task-1\",\"State\":\"" + state + "\",\"Operation\":\"DeleteJobInclude\","
               + "\"Result\":{\"Success\":true,\"Message\":\"Ok\"}}";
    }

    @Override
    public ApiRoot getRoot() {
        return ApiRoot.parse("http://em.test:9399/api");
    }

    @Override
    public CompletableFuture<EmResponse> send(
            EmRequest request, VeeamEmFormat format, String authHeader, String authValue) {
        sent.add(new Sent(request, clock.nowMillis()));
        return answers.apply(request);
    }

    @Override
    public Secrets getSecrets() {
        return secrets;
    }

    List<Sent> sent() {
        return sent;
    }

    long count(String method, String pathPrefix) {
        return sent.stream().filter(s -> s.request.method().equals(method) && s.request.pathAndQuery().startsWith(pathPrefix))
                .count();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    record Sent(EmRequest request, long atMillis) {
    }
}
