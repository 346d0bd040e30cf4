package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * One received and recorded request whose resource has not run and which has not been answered: the normal path
 * ({@code answer(handle())}) or a {@link RequestFault} decides both. Every answer waits the configured answer delay.
 */
final class SimExchange {

    private final HttpExchange http;
    private final RecordedRequest recorded;
    private final Supplier<SimResponse> resource;
    private final AnswerWriter writer;

    /** @param resource routes the request, checks the session and runs the resource; errors become Error answers */
    SimExchange(HttpExchange http, RecordedRequest recorded, Supplier<SimResponse> resource, AnswerWriter writer) {
        this.http = http;
        this.recorded = recorded;
        this.resource = resource;
        this.writer = writer;
    }

    SimResponse handle() {
        return resource.get();
    }

    void answer(SimResponse response) throws IOException {
        answer(response, AnswerBody.WHOLE);
    }

    void answer(SimResponse response, AnswerBody body) throws IOException {
        writer.write(http, recorded, response, Duration.ZERO, body);
    }

    void answerLater(SimResponse response, Duration delay) throws IOException {
        writer.write(http, recorded, response, delay, AnswerBody.WHOLE);
    }

    /** No answer: the connection is closed at once; the recorded status stays {@code -1}. */
    void drop() {
        writer.drop(http);
    }
}
