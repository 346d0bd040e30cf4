package dev.camelveeam.veeamem.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * Reads EM's answer into memory, up to a maximum size: a larger answer (announced or as it arrives) fails with
 * {@link TooLarge} instead of filling the heap.
 */
final class BoundedResponseConsumer implements AsyncResponseConsumer<EmResponse> {

    private static final int WINDOW = 64 * 1024;

    private final long maxSize;
    private ByteArrayBuffer body;
    private int status;
    private String sessionToken;
    private FutureCallback<EmResponse> resultCallback;

    BoundedResponseConsumer(long maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public void consumeResponse(
            HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<EmResponse> callback)
            throws IOException {
        status = response.getCode();
        Header session = response.getFirstHeader(EmHttpClient.SESSION_HEADER);
        sessionToken = session == null ? null : session.getValue();
        if (entity == null) {
            callback.completed(new EmResponse(status, sessionToken, new byte[0]));
            return;
        }
        if (entity.getContentLength() > maxSize) {
            throw new TooLarge(status, entity.getContentLength(), maxSize);
        }
        resultCallback = callback;
        body = new ByteArrayBuffer((int) Math.min(Math.max(entity.getContentLength(), 1024), WINDOW));
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing EM uses
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        channel.update(WINDOW);
    }

    @Override
    public void consume(ByteBuffer data) throws IOException {
        if ((long) body.length() + data.remaining() > maxSize) {
            throw new TooLarge(status, -1, maxSize);
        }
        int length = data.remaining();
        if (data.hasArray()) {
            body.append(data.array(), data.arrayOffset() + data.position(), length);
            data.position(data.limit());
        } else {
            byte[] chunk = new byte[length];
            data.get(chunk);
            body.append(chunk, 0, length);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        resultCallback.completed(new EmResponse(status, sessionToken, body.toByteArray()));
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        body = null;
    }

    /** The answer is larger than allowed; EM received the request and answered it with {@link #status}. */
    static final class TooLarge extends IOException {

        private final int status;

        TooLarge(int status, long announced, long maxSize) {
            super("the answer" + (announced >= 0 ? " (" + announced + " bytes announced)" : "") + " exceeds "
                  + maxSize + " bytes");
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
