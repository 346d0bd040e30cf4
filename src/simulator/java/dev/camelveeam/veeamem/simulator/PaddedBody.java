package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/**
 * The body grown to a total size with spaces in front of the document (after the XML declaration, or the JSON byte
 * order mark), so that it stays well-formed and a client must read through the padding to reach it. Streamed from one
 * shared block of spaces with a fixed {@code Content-Length}: the size costs no memory. A body already that large, or
 * empty, goes out as it is.
 */
final class PaddedBody implements AnswerBody {

    private static final byte[] SPACES = new byte[64 * 1024];
    private static final byte[] XML_DECLARATION_START = "<?xml".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XML_DECLARATION_END = "?>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    static {
        Arrays.fill(SPACES, (byte) ' ');
    }

    private final long size;

    PaddedBody(long size) {
        this.size = size;
    }

    @Override
    public void send(HttpExchange http, int status, byte[] body, AnswerTimer timer) throws IOException {
        if (body.length == 0 || body.length >= size) {
            WHOLE.send(http, status, body, timer);
            return;
        }
        int split = paddingOffset(body);
        try (http) {
            http.sendResponseHeaders(status, size);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body, 0, split);
                for (long left = size - body.length; left > 0; left -= SPACES.length) {
                    out.write(SPACES, 0, (int) Math.min(left, SPACES.length));
                }
                out.write(body, split, body.length - split);
            }
        }
    }

    /** Where whitespace may go before the document: nothing may precede an XML declaration or a byte order mark. */
    private static int paddingOffset(byte[] body) {
        if (startsWith(body, UTF8_BOM)) {
            return UTF8_BOM.length;
        }
        if (startsWith(body, XML_DECLARATION_START)) {
            for (int i = XML_DECLARATION_START.length; i + XML_DECLARATION_END.length <= body.length; i++) {
                if (body[i] == XML_DECLARATION_END[0] && body[i + 1] == XML_DECLARATION_END[1]) {
                    return i + XML_DECLARATION_END.length;
                }
            }
        }
        return 0;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }
}
