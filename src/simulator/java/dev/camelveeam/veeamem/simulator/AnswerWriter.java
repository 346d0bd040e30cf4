package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Puts answers on the wire, after the configured answer delay plus any delay of their own, their body as an
 * {@link AnswerBody} sends it; or closes the connection without one.
 */
final class AnswerWriter {

    private final ResponseEncoder encoder;
    private final SimConfig config;
    private final AnswerTimer timer;

    AnswerWriter(ResponseEncoder encoder, SimConfig config, AnswerTimer timer) {
        this.encoder = encoder;
        this.config = config;
        this.timer = timer;
    }

    /**
     * Encodes the answer, records its status and has {@code body} send it and end the exchange: on the calling thread
     * when {@code delay} and the answer delay are both zero, else after their sum. The JDK server leaves an exchange
     * open until it is closed, from any thread, so nothing waits meanwhile: the scheduler times the answer and an HTTP
     * thread writes it.
     */
    void write(HttpExchange http, RecordedRequest recorded, SimResponse response, Duration delay, AnswerBody body)
            throws IOException {
        Duration wait = delay.plus(config.answerDelay);
        if (wait.isZero()) {
            writeNow(http, recorded, response, body);
        } else {
            timer.after(wait, () -> writeNow(http, recorded, response, body));
        }
    }

    /**
     * Closes the TCP connection without a byte of answer: {@code HttpExchange.close()} before
     * {@code sendResponseHeaders} has no response to finish, so the JDK server closes the connection itself
     * ({@code ExchangeImpl.close}). The client reads end of stream where the status line should be.
     */
    void drop(HttpExchange http) {
        http.close();
    }

    private void writeNow(HttpExchange http, RecordedRequest recorded, SimResponse response, AnswerBody body)
            throws IOException {
        byte[] bytes;
        try {
            bytes = encoder.encode(response, acceptsJson(http.getRequestHeaders()), http.getResponseHeaders());
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        recorded.answered(response.statusCode());
        body.send(http, response.statusCode(), bytes, timer);
    }

    private static boolean acceptsJson(Headers headers) {
        return headers.getOrDefault("Accept", List.of()).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("application/json"));
    }
}
