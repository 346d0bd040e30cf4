package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;

/**
 * The body at a given rate: status and headers at once with the real {@code Content-Length}, then small chunks, each
 * written by the {@link AnswerTimer} (so on an HTTP thread, only while writing it) when the rate has earned it. Chunk
 * times count from the headers, so late chunks do not slow the rest down: the last byte goes
 * {@code length / bytesPerSecond} seconds after the headers. Closing the simulator drops the chunks not yet written.
 */
final class TrickledBody implements AnswerBody {

    private static final int CHUNKS_PER_SECOND = 20;
    private static final int MAX_CHUNK = 16 * 1024;
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final int bytesPerSecond;
    private final int chunk;

    TrickledBody(int bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.chunk = Math.max(1, Math.min(MAX_CHUNK, bytesPerSecond / CHUNKS_PER_SECOND));
    }

    @Override
    public void send(HttpExchange http, int status, byte[] body, AnswerTimer timer) throws IOException {
        if (body.length == 0) {
            WHOLE.send(http, status, body, timer);
            return;
        }
        OutputStream out;
        try {
            http.sendResponseHeaders(status, body.length);
            out = http.getResponseBody();
        } catch (IOException | RuntimeException e) {
            http.close();
            throw e;
        }
        new Trickle(http, out, body, timer, System.nanoTime()).scheduleNext(0);
    }

    /** One body on its way; its chunks are written one after the other, each scheduling the next. */
    private final class Trickle {

        private final HttpExchange http;
        private final OutputStream out;
        private final byte[] body;
        private final AnswerTimer timer;
        private final long startNanos;

        Trickle(HttpExchange http, OutputStream out, byte[] body, AnswerTimer timer, long startNanos) {
            this.http = http;
            this.out = out;
            this.body = body;
            this.timer = timer;
            this.startNanos = startNanos;
        }

        void scheduleNext(int from) {
            int to = Math.min(body.length, from + chunk);
            long dueNanos = startNanos + to * NANOS_PER_SECOND / bytesPerSecond;
            timer.after(Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())), () -> write(from, to));
        }

        private void write(int from, int to) throws IOException {
            try {
                out.write(body, from, to - from);
                if (to == body.length) {
                    out.close();
                    http.close();
                    return;
                }
            } catch (IOException | RuntimeException e) {
                http.close();
                throw e;
            }
            scheduleNext(to);
        }
    }
}
