package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/** Puts answers on the wire: at once, after a delay, with a body a fault has altered, or not at all. */
final class AnswerWriter {

    private final ResponseEncoder encoder;
    private final ScheduledExecutorService scheduler;
    private final Executor httpExecutor;

    AnswerWriter(ResponseEncoder encoder, ScheduledExecutorService scheduler, Executor httpExecutor) {
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.httpExecutor = httpExecutor;
    }

    /** Encodes the answer, passes its body through {@code body}, sends it, records the status and ends the exchange. */
    void write(HttpExchange http, RecordedRequest recorded, EmResponse response, UnaryOperator<byte[]> body) throws IOException {
        try (http) {
            byte[] bytes = body.apply(encoder.encode(response, acceptsJson(http.getRequestHeaders()), http.getResponseHeaders()));
            recorded.answered(response.statusCode());
            http.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /**
     * Writes the answer after {@code delay}. The JDK server leaves an exchange open until it is closed, from any thread,
     * so nothing waits meanwhile: the scheduler only times the answer and an HTTP thread writes it.
     */
    void writeLater(Duration delay, HttpExchange http, RecordedRequest recorded, EmResponse response) {
        scheduler.schedule(() -> httpExecutor.execute(() -> {
            try {
                write(http, recorded, response, UnaryOperator.identity());
            } catch (IOException e) {
                // the client gave up waiting (its read timeout, say); write() has closed the exchange, nobody is left to tell
            }
        }), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Closes the TCP connection without a byte of answer: {@code HttpExchange.close()} before
     * {@code sendResponseHeaders} has no response to finish, so the JDK server closes the connection itself
     * ({@code ExchangeImpl.close}). The client reads end of stream where the status line should be.
     */
    void drop(HttpExchange http) {
        http.close();
    }

    private static boolean acceptsJson(Headers headers) {
        return headers.getOrDefault("Accept", List.of()).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("application/json"));
    }
}
