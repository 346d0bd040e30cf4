package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;

/**
 * How an encoded answer goes on the wire once its headers are set: sends the status line, headers and body, and ends
 * the exchange, at once or later through the {@link AnswerTimer}. It closes the exchange itself when sending fails.
 */
@FunctionalInterface
interface AnswerBody {

    /** The body as encoded, at once. */
    AnswerBody WHOLE = altered(UnaryOperator.identity());

    void send(HttpExchange http, int status, byte[] body, AnswerTimer timer) throws IOException;

    /** The bytes {@code alter} makes of the body, at once, with their {@code Content-Length} (none when empty). */
    static AnswerBody altered(UnaryOperator<byte[]> alter) {
        return (http, status, body, timer) -> {
            try (http) {
                byte[] bytes = alter.apply(body);
                http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = http.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        };
    }
}
